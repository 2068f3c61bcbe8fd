using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Optimization;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

public sealed class SweepRankingTests
{
    [Fact]
    public void Feasible_first_then_objective_descending_then_grid_order()
    {
        var combinations = new ParameterGrid(Sma, [ParameterRange.List("fast", 1, 2, 3, 4, 5)], new Dictionary<string, double> { ["slow"] = 50 }).Expand().Combinations;
        var metrics = new[]
        {
            Metrics(sharpe: 1.0, drawdown: 0.10, trades: 20),
            Metrics(sharpe: 3.0, drawdown: 0.40, trades: 20), // best Sharpe, but breaks the drawdown limit
            Metrics(sharpe: 2.0, drawdown: 0.10, trades: 20),
            Metrics(sharpe: 2.0, drawdown: 0.05, trades: 20), // ties with index 2: grid order decides
            Metrics(sharpe: 5.0, drawdown: 0.01, trades: 2),  // too few trades
        };
        var constraints = new SweepConstraints { MaxDrawdown = 0.2, MinTrades = 10 };

        var rows = SweepRanking.Rank(combinations, [.. metrics.Select(m => new SweepEvaluation(m, SweepEvaluator.Engine))], SweepObjective.Sharpe, constraints);

        Assert.Equal([2, 3, 0, 4, 1], rows.Select(r => r.Combination.Index));
        Assert.Equal([true, true, true, false, false], rows.Select(r => r.Feasible));
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Rank));
    }

    [Fact]
    public void Max_drawdown_is_minimised_and_a_missing_profit_factor_is_infinite_with_wins_nan_without()
    {
        var combinations = new ParameterGrid(Sma, [ParameterRange.List("fast", 1, 2, 3)], new Dictionary<string, double> { ["slow"] = 50 }).Expand().Combinations;
        var metrics = new[] { Metrics(0, drawdown: 0.3, trades: 5), Metrics(0, drawdown: 0.1, trades: 5), Metrics(0, drawdown: 0.2, trades: 5) };
        var evaluations = metrics.Select(m => new SweepEvaluation(m, SweepEvaluator.Engine)).ToList();

        Assert.Equal([1, 2, 0], SweepRanking.Rank(combinations, evaluations, SweepObjective.MaxDrawdown, SweepConstraints.None).Select(r => r.Combination.Index));

        var noLosses = BacktestMetrics.Empty with { TotalTrades = 3, WinningTrades = 3, ProfitFactor = null };
        var noTrades = BacktestMetrics.Empty;
        var someLosses = BacktestMetrics.Empty with { TotalTrades = 3, WinningTrades = 2, LosingTrades = 1, ProfitFactor = 1.5 };
        var ranked = SweepRanking.Rank(combinations, [new(noTrades, SweepEvaluator.Engine), new(someLosses, SweepEvaluator.Engine), new(noLosses, SweepEvaluator.Engine)], SweepObjective.ProfitFactor, SweepConstraints.None);
        Assert.Equal([2, 1, 0], ranked.Select(r => r.Combination.Index));
        Assert.Equal(double.PositiveInfinity, ranked[0].ObjectiveValue);
        Assert.True(double.IsNaN(ranked[2].ObjectiveValue));
    }

    [Theory]
    [InlineData("sharpe", SweepObjective.Sharpe)]
    [InlineData("total_return", SweepObjective.TotalReturn)]
    [InlineData("Profit_Factor", SweepObjective.ProfitFactor)]
    [InlineData("max_drawdown", SweepObjective.MaxDrawdown)]
    public void Objectives_parse_from_their_api_names(string code, SweepObjective objective) =>
        Assert.Equal(objective, SweepObjectives.Parse(code));

    [Fact]
    public void An_unknown_objective_names_the_known_ones()
    {
        var failure = Assert.Throws<ArgumentException>(() => SweepObjectives.Parse("alpha"));

        Assert.Contains("sharpe, sortino, cagr, total_return, calmar, profit_factor", failure.Message, StringComparison.Ordinal);
    }

    private static BacktestMetrics Metrics(double sharpe, double drawdown, int trades) =>
        BacktestMetrics.Empty with { Sharpe = sharpe, MaxDrawdown = drawdown, TotalTrades = trades };
}
