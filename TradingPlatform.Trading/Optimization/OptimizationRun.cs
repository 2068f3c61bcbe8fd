using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A sweep or walk-forward as the user asked for it (table <c>trading.optimizations</c>) and, once it ran, its outcome:
/// the ranked table, the best combination's full backtest (a <see cref="BacktestRun"/> with its trades) and, for a
/// walk-forward, the windows. Like a backtest, it holds every input and its seed, so a retried job recomputes the
/// same result. It belongs to <see cref="OwnerId"/> only.
/// </summary>
public sealed class OptimizationRun
{
    public OptimizationId Id { get; init; } = OptimizationId.New();

    public required Guid OwnerId { get; init; }

    public required OptimizationKind Kind { get; init; }

    public StrategyId? StrategyId { get; init; }

    public required string Algorithm { get; init; }

    /// <summary>Values of the parameters the grid does not range over, as a JSON object of numbers.</summary>
    public required string FixedParameters { get; init; }

    /// <summary>The grid as JSON: [{name, values} | {name, min, max, step}].</summary>
    public required string Grid { get; init; }

    /// <summary>The objective's code (sharpe, cagr, …).</summary>
    public required string Objective { get; init; }

    public double? MaxDrawdown { get; init; }

    public int? MinTrades { get; init; }

    /// <summary>Walk-forward only: the windows' lengths and whether in-sample is anchored at the start, as JSON.</summary>
    public string? WalkForward { get; init; }

    public required RiskManagement RiskManagement { get; init; }

    public List<string> Symbols { get; init; } = [];

    public required CandleInterval Interval { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required decimal InitialBalance { get; init; }

    public int Leverage { get; init; } = 1;

    public decimal? CommissionRate { get; init; }

    public decimal? SlippageFactor { get; init; }

    public IntrabarPath IntrabarPath { get; init; } = IntrabarPath.NearerExtremeFirst;

    public Guid Seed { get; init; } = Guid.NewGuid();

    public double RiskFreeRate { get; init; }

    public BacktestStatus Status { get; set; } = BacktestStatus.Queued;

    public double Progress { get; set; }

    public string? JobId { get; set; }

    public string? Error { get; set; }

    public int Combinations { get; set; }

    public int Skipped { get; set; }

    /// <summary>Which evaluator ran the grid (the exact CPU fast path, the full engine, the GPU).</summary>
    public string? Backend { get; set; }

    /// <summary>The ranked rows as JSON (rank, parameters, objective, feasible, metrics).</summary>
    public string? Results { get; set; }

    /// <summary>The windows of a walk-forward and their in- and out-of-sample figures, as JSON.</summary>
    public string? WalkForwardResult { get; set; }

    /// <summary>The best combination re-run through the full engine, with its trades.</summary>
    public BacktestId? BestBacktestId { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool IsFinished => Status is BacktestStatus.Completed or BacktestStatus.Failed or BacktestStatus.Cancelled;
}
