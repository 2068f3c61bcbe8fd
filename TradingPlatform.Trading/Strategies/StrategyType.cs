namespace TradingPlatform.Trading.Strategies;

/// <summary>Seed 001's strategy type: traded by hand from its signals, or run automatically.</summary>
public enum StrategyType
{
    Manual,
    Automated,
}
