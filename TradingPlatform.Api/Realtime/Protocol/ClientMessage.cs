namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>A parsed client message; members a type does not use are null.</summary>
public sealed record ClientMessage(
    string Type,
    string? Token = null,
    string? Channel = null,
    IReadOnlyList<string>? Symbols = null,
    string? Interval = null,
    Guid? AccountId = null,
    long? LastSeq = null,
    string? ResumeToken = null,
    string? RequestId = null);
