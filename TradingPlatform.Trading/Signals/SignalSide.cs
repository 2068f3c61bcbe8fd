namespace TradingPlatform.Trading.Signals;

/// <summary>Seed 003's signal side.</summary>
public enum SignalSide
{
    Buy,
    Sell,
    Neutral,
}
