namespace TradingPlatform.Trading.Optimization;

/// <summary>A walk-forward's window lengths, in bars, and whether the in-sample window rolls or stays anchored at the first bar.</summary>
public sealed record WalkForwardSettings
{
    public required int InSampleBars { get; init; }

    public required int OutOfSampleBars { get; init; }

    public WalkForwardMode Mode { get; init; } = WalkForwardMode.Rolling;
}
