using System.Globalization;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// Hard limits a combination must meet to be ranked among the feasible ones: a maximum drawdown (a fraction, 0.2 =
/// 20 %, as <see cref="BacktestMetrics.MaxDrawdown"/>) and a minimum number of round trips (a Sharpe ratio from two
/// trades is luck). Null means no limit.
/// </summary>
public sealed record SweepConstraints
{
    public static SweepConstraints None { get; } = new();

    public double? MaxDrawdown { get; init; }

    public int? MinTrades { get; init; }

    public bool IsSatisfiedBy(BacktestMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return (MaxDrawdown is not { } maxDrawdown || metrics.MaxDrawdown <= maxDrawdown)
            && (MinTrades is not { } minTrades || metrics.TotalTrades >= minTrades);
    }

    /// <exception cref="ArgumentException">A negative or non-finite drawdown limit, or a negative trade count.</exception>
    public void Validate()
    {
        if (MaxDrawdown is { } maxDrawdown && (!double.IsFinite(maxDrawdown) || maxDrawdown < 0))
        {
            throw new ArgumentException(
                $"The maximum drawdown must be a fraction of zero or more (0.2 = 20 %); it was {maxDrawdown.ToString(CultureInfo.InvariantCulture)}.", nameof(MaxDrawdown));
        }

        if (MinTrades is < 0)
        {
            throw new ArgumentException($"The minimum number of trades must be zero or more; it was {MinTrades}.", nameof(MinTrades));
        }
    }
}
