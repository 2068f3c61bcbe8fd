using System.Text.Json.Serialization;

namespace TradingPlatform.Api.Monitoring;

/// <summary>One component of seed 003's SystemStatus; <c>appHost</c> only when the Api runs under the AppHost.</summary>
public sealed record ComponentStatus(
    string Id,
    string Name,
    string Kind,
    string Status,
    bool Running,
    string Uptime,
    string Version,
    string Details,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppHostResourceStatus? AppHost = null);
