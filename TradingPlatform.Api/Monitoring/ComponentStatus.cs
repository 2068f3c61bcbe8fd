namespace TradingPlatform.Api.Monitoring;

/// <summary>One component of seed 003's SystemStatus.</summary>
public sealed record ComponentStatus(
    string Id,
    string Name,
    string Kind,
    string Status,
    bool Running,
    string Uptime,
    string Version,
    string Details);
