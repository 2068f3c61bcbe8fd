namespace TradingPlatform.Trading.Signals;

/// <summary>Who produced a signal: its kind, and optionally an id and a display name within that kind.</summary>
public sealed record SignalSource(SignalSourceKind Kind, string? SourceId = null, string? Name = null)
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 100;
}
