using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// A backtest as the user asked for it (table <c>trading.backtests</c>) and, once it ran, its outcome: status,
/// progress, metrics, a downsampled equity curve, data gaps; its round trips are rows of <see cref="BacktestTradeRecord"/>.
/// Everything the engine needs is stored here, <see cref="Seed"/> included, so a retried job recomputes the very same
/// result. It belongs to <see cref="OwnerId"/> only.
/// </summary>
public sealed class BacktestRun
{
    public const int MaxSymbols = 5;

    public BacktestId Id { get; init; } = BacktestId.New();

    public required Guid OwnerId { get; init; }

    /// <summary>The saved strategy it tested, or null for an inline one.</summary>
    public StrategyId? StrategyId { get; init; }

    public required string Algorithm { get; init; }

    /// <summary>The bound parameters as a JSON object of numbers (defaults filled in).</summary>
    public required string Parameters { get; init; }

    public required RiskManagement RiskManagement { get; init; }

    public List<string> Symbols { get; init; } = [];

    public required CandleInterval Interval { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required decimal InitialBalance { get; init; }

    public int Leverage { get; init; } = 1;

    /// <summary>Replaces every instrument's commission rate when set.</summary>
    public decimal? CommissionRate { get; init; }

    /// <summary>Replaces every instrument's base slippage factor when set.</summary>
    public decimal? SlippageFactor { get; init; }

    public IntrabarPath IntrabarPath { get; init; } = IntrabarPath.NearerExtremeFirst;

    public Guid Seed { get; init; } = Guid.NewGuid();

    /// <summary>Annual risk-free rate for Sharpe and Sortino.</summary>
    public double RiskFreeRate { get; init; }

    public BacktestStatus Status { get; set; } = BacktestStatus.Queued;

    /// <summary>0 to 1.</summary>
    public double Progress { get; set; }

    /// <summary>The Hangfire job that runs it.</summary>
    public string? JobId { get; set; }

    public string? Error { get; set; }

    public long Bars { get; set; }

    /// <summary><see cref="BacktestMetrics"/> as JSON, once completed.</summary>
    public string? Metrics { get; set; }

    /// <summary>The equity curve, downsampled (at most a few thousand points), as JSON [{at, equity, drawdown}].</summary>
    public string? EquityCurve { get; set; }

    /// <summary>The data gaps found, as JSON.</summary>
    public string? Gaps { get; set; }

    public int TradeCount { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsFinished => Status is BacktestStatus.Completed or BacktestStatus.Failed or BacktestStatus.Cancelled;
}
