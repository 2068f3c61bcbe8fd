using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

public sealed class CrossoverSweepCpuTests
{
    private const double Relative = 1e-9;

    [Fact]
    public void Sma_sweep_with_stops_targets_and_shorts_equals_the_engine()
    {
        var bars = Bars(Stock, CandleInterval.OneMinute, 3000, seed: 11);
        var settings = Settings(Sma, Stock, CandleInterval.OneMinute, bars.Count, new RiskManagement(2m, 0m, 1.5m, 3m));
        var request = Request(settings, bars, Grid(Sma, [3, 5, 8], [13, 21], [0, 1]));

        var (fast, engine) = Compare(request);

        Assert.Contains(engine, r => r.Trades.Any(t => t.ExitReason == TradeExitReason.StopLoss));
        Assert.Contains(engine, r => r.Trades.Any(t => t.ExitReason == TradeExitReason.TakeProfit));
        Assert.All(fast, e => Assert.Equal(SweepEvaluator.FastCpu, e.EvaluatedBy));
    }

    private static (IReadOnlyList<SweepEvaluation> Fast, List<BacktestResult> Engine) Compare(SweepRequest request)
    {
        var combinations = request.Grid.Expand().Combinations;
        var fast = CrossoverSweepCpu.Exact.Evaluate(request, combinations, null, default);
        var engine = combinations.Select(c => BacktestEngine.Run(request.SettingsFor(c), request.Candles)).ToList();
        for (var i = 0; i < combinations.Count; i++)
        {
            MetricsAssert.Equal(engine[i].Metrics, fast[i].Metrics, Relative, combinations[i].ToString());
        }

        return (fast, engine);
    }
}
