namespace TradingPlatform.Trading.Strategies;

/// <summary>Seed 001's strategy status; a new strategy starts <see cref="Inactive"/>.</summary>
public enum StrategyStatus
{
    Inactive,
    Active,
    Paused,
}
