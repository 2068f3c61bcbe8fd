namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>What an algorithm wants to hold in a symbol after a bar: a long, a short, or nothing.</summary>
public enum TargetExposure
{
    Flat = 0,
    Long = 1,
    Short = -1,
}
