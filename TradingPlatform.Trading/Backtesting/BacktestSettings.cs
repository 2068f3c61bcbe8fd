using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// One backtest: the algorithm with its bound parameters, the strategy's risk management, the instruments traded (with
/// any fee or slippage override already applied to them), the bars' interval, the period and the starting balance.
/// </summary>
public sealed record BacktestSettings
{
    public const decimal MinInitialBalance = 100m;
    public const decimal MaxInitialBalance = 1_000_000_000m;

    public required StrategyParameters Parameters { get; init; }

    public RiskManagement Risk { get; init; } = RiskManagement.Default;

    public required IReadOnlyList<Instrument> Instruments { get; init; }

    public required CandleInterval Interval { get; init; }

    /// <summary>Inclusive: the first bar opens at or after it.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Exclusive: the last bar opens before it.</summary>
    public required DateTimeOffset End { get; init; }

    public required decimal InitialBalance { get; init; }

    public int Leverage { get; init; } = 1;

    public IntrabarPath Path { get; init; } = IntrabarPath.NearerExtremeFirst;

    /// <summary>Seeds the ids of the run's orders and fills, and through them the slippage noise: the same seed, the same result.</summary>
    public Guid Seed { get; init; }

    /// <summary>Annual risk-free rate for Sharpe and Sortino (0.04 = 4 %).</summary>
    public double RiskFreeRate { get; init; }
}
