namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// Seed 001's <c>riskManagement</c>, all in percent: <see cref="MaxRiskPerTrade"/> of equity risked on one trade,
/// <see cref="MaxDailyLoss"/> of equity lost in a day before the strategy stops, <see cref="StopLoss"/> and
/// <see cref="TakeProfit"/> as distances from the entry price. Stored as columns of the strategy's row.
/// </summary>
public sealed record RiskManagement(decimal MaxRiskPerTrade, decimal MaxDailyLoss, decimal StopLoss, decimal TakeProfit)
{
    /// <summary>Risk per trade, daily loss and stop loss are shares of something: at most 100 %.</summary>
    public const double MaxPercent = 100;

    /// <summary>A take-profit distance may exceed 100 % (a price may more than double), within reason.</summary>
    public const double MaxTakeProfitPercent = 1000;

    /// <summary>Conservative defaults for a strategy created without risk settings.</summary>
    public static RiskManagement Default { get; } = new(1m, 5m, 2m, 4m);
}
