using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

public sealed class ParameterSweepTests
{
    private static readonly IReadOnlyList<Candle> Candles = Bars(Stock, CandleInterval.FifteenMinutes, 1500, seed: 17, volatility: 0.003);

    [Fact]
    public void The_engine_sweep_equals_one_engine_run_per_combination_and_reports_progress_to_the_total()
    {
        var rsi = StrategyAlgorithms.Find("rsi_mean_reversion")!;
        var request = Request(Settings(rsi, Stock, CandleInterval.FifteenMinutes, Candles.Count, new RiskManagement(2m, 0m, 1.5m, 3m)), Candles,
            new ParameterGrid(rsi, [ParameterRange.List("period", 7, 14), ParameterRange.List("oversold", 25, 30)]));
        var combinations = request.Grid.Expand().Combinations;
        var reports = new List<SweepProgress>();
        var progress = new SynchronousProgress(reports);

        var sweep = EngineSweep.Instance.Evaluate(request, combinations, progress, default);

        for (var i = 0; i < combinations.Count; i++)
        {
            Assert.Equal(BacktestEngine.Run(request.SettingsFor(combinations[i]), request.Candles).Metrics, sweep[i].Metrics);
        }

        Assert.Equal(combinations.Count, reports.Count);
        Assert.Equal(combinations.Count, reports.Max(r => r.Completed));
        Assert.All(reports, r => Assert.Equal(combinations.Count, r.Total));
    }

    [Fact]
    public void A_cancelled_engine_sweep_throws()
    {
        var request = Request(Settings(Sma, Stock, CandleInterval.FifteenMinutes, Candles.Count, RiskManagement.Default), Candles, Grid(Sma, [3, 5], [13], [0]));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => EngineSweep.Instance.Evaluate(request, request.Grid.Expand().Combinations, null, cancelled.Token));
    }

    [Fact]
    public void Run_with_best_ranks_the_table_and_replays_the_best_through_the_engine()
    {
        var request = Request(Settings(Sma, Stock, CandleInterval.FifteenMinutes, Candles.Count, new RiskManagement(1m, 0m, 1m, 2m)), Candles,
            new ParameterGrid(Sma, [ParameterRange.Range("fast", 2, 10, 2), ParameterRange.Range("slow", 6, 30, 6), ParameterRange.List("allowShort", 0, 1)]))
            with { Objective = SweepObjective.TotalReturn, Constraints = new SweepConstraints { MinTrades = 5 } };

        var outcome = ParameterSweep.RunWithBest(request);

        var table = outcome.Table;
        Assert.Equal(50, table.TotalCombinations);
        Assert.Equal(6, table.Skipped); // slow ≤ fast: (6,6), (8,6), (10,6) for both allowShort values
        Assert.Equal(44, table.Rows.Count);
        Assert.Equal("fast-cpu", table.Backend);
        Assert.Equal(0, table.EvaluatedByEngine);
        var scores = table.Rows.Where(r => r.Feasible).Select(r => r.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var best = Assert.IsType<SweepRow>(table.Best);
        Assert.True(best.Feasible);
        var replay = Assert.IsType<BacktestResult>(outcome.Best);
        Assert.Equal(BacktestEngine.Run(request.SettingsFor(best.Combination), request.Candles).Metrics, replay.Metrics);
        // The fast path's figures for the best are the engine's own.
        Assert.Equal(replay.Metrics.FinalEquity, best.Metrics.FinalEquity);
        Assert.NotEmpty(replay.Trades);
    }

    [Fact]
    public void Without_a_feasible_combination_there_is_no_best_and_no_replay()
    {
        var request = Request(Settings(Sma, Stock, CandleInterval.FifteenMinutes, Candles.Count, RiskManagement.Default), Candles, Grid(Sma, [3, 5], [13], [0]))
            with { Constraints = new SweepConstraints { MinTrades = 100_000 } };

        var outcome = ParameterSweep.RunWithBest(request);

        Assert.Null(outcome.Table.Best);
        Assert.Null(outcome.Best);
        Assert.All(outcome.Table.Rows, r => Assert.False(r.Feasible));
    }

    [Fact]
    public void A_heatmap_holds_the_best_objective_over_the_other_parameters_and_nan_where_no_combination_is_valid()
    {
        var request = Request(Settings(Sma, Stock, CandleInterval.FifteenMinutes, Candles.Count, new RiskManagement(1m, 0m, 1m, 2m)), Candles,
            new ParameterGrid(Sma, [ParameterRange.List("fast", 4, 8, 12), ParameterRange.List("slow", 8, 16), ParameterRange.List("allowShort", 0, 1)]));
        var result = ParameterSweep.Run(request);

        var heatmap = HeatmapData.From(result, "slow", "fast");

        Assert.Equal((3, 2), (heatmap.Values.GetLength(0), heatmap.Values.GetLength(1)));
        Assert.Equal(["8", "16"], heatmap.XLabels);
        Assert.Equal(["4", "8", "12"], heatmap.YLabels);
        // fast 8 / slow 8, fast 12 / slow 8 are invalid (slow ≤ fast).
        Assert.True(double.IsNaN(heatmap.Values[1, 0]));
        Assert.True(double.IsNaN(heatmap.Values[2, 0]));
        foreach (var (y, x) in new[] { (0, 0), (0, 1), (1, 1), (2, 1) })
        {
            var cell = result.Rows.Where(r => r.Combination["fast"] == heatmap.YValues[y] && r.Combination["slow"] == heatmap.XValues[x]).ToList();
            Assert.Equal(2, cell.Count); // allowShort 0 and 1
            Assert.Equal(cell.Max(r => r.Metrics.Sharpe), heatmap.Values[y, x]);
        }

        Assert.Throws<ArgumentException>(() => HeatmapData.From(result, "fast", "fast"));
        Assert.Throws<ArgumentException>(() => HeatmapData.From(result, "fast", "period"));
    }

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<SweepProgress> reports) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
