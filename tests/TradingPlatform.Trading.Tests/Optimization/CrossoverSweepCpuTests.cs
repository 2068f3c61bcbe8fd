using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

/// <summary>
/// The fast CPU path against the full engine, combination by combination, on seeded synthetic bars that reach every
/// rule: money, counts and durations must be equal exactly (the fast path works in exact ticks, lots and cents), every
/// ratio to 1e-9 relative (only the floating-point summation of the returns differs; measured ~1e-13). Each scenario
/// also checks that the engine's own run really went through the rule it is there for, or the comparison proves nothing.
/// </summary>
public sealed class CrossoverSweepCpuTests
{
    private const double Relative = 1e-9;

    [Fact]
    public void Sma_with_stops_targets_and_shorts_on_minute_bars_equals_the_engine()
    {
        var (fast, engine) = Compare(Sma, Stock, CandleInterval.OneMinute, 3000, seed: 11, new RiskManagement(2m, 0m, 1.5m, 3m));

        Assert.Contains(engine, r => r.Trades.Any(t => t.ExitReason == TradeExitReason.StopLoss));
        Assert.Contains(engine, r => r.Trades.Any(t => t.ExitReason == TradeExitReason.TakeProfit));
        Assert.Contains(engine, r => r.Trades.Any(t => t.Side == Positions.PositionSide.Short));
        // The $50 minimum commission is reached by some fills and not by others.
        Assert.Contains(engine, r => r.Fills.Any(f => f.Commission == 50m) && r.Fills.Any(f => f.Commission > 50m));
        Assert.All(fast, e => Assert.Equal(SweepEvaluator.FastCpu, e.EvaluatedBy));
    }

    [Fact]
    public void Ema_on_a_leveraged_future_with_funding_a_daily_loss_limit_and_liquidations_equals_the_engine()
    {
        var (fast, engine) = Compare(Ema, Future, CandleInterval.OneHour, 2000, seed: 21, new RiskManagement(50m, 3m, 0m, 0m), leverage: 20, volatility: 0.01);

        Assert.Contains(engine, r => r.Trades.Any(t => t.ExitReason == TradeExitReason.Liquidation));
        // Positions held over 00:00 UTC pay funding; the daily loss limit refuses new exposure.
        Assert.Contains(engine, r => r.Trades.Any(t => t.EntryAt.UtcDateTime.Date != t.ExitAt.UtcDateTime.Date));
        Assert.Contains(engine, r => r.Actions.Any(a => a.Refusal?.Contains("maximum daily loss", StringComparison.Ordinal) == true));
        Assert.All(fast, e => Assert.Equal(SweepEvaluator.FastCpu, e.EvaluatedBy));
    }

    [Theory]
    [InlineData(IntrabarPath.HighFirst)]
    [InlineData(IntrabarPath.LowFirst)]
    public void Fixed_intrabar_paths_on_fifteen_minute_bars_equal_the_engine(IntrabarPath path)
    {
        var (fast, engine) = Compare(Sma, Stock, CandleInterval.FifteenMinutes, 2000, seed: 5, new RiskManagement(1m, 2m, 1m, 2m), path: path, volatility: 0.003);

        Assert.Contains(engine, r => r.Trades.Any(t => t.ExitReason == TradeExitReason.StopLoss));
        Assert.All(fast, e => Assert.Equal(SweepEvaluator.FastCpu, e.EvaluatedBy));
    }

    [Fact]
    public void Daily_bars_with_a_leverage_the_decimals_cannot_divide_exactly_equal_the_engine()
    {
        var (fast, engine) = Compare(Ema, Future, CandleInterval.OneDay, 1200, seed: 8, new RiskManagement(5m, 5m, 4m, 8m), leverage: 3, volatility: 0.02);

        Assert.All(engine, r => Assert.NotEmpty(r.Trades));
        Assert.All(fast, e => Assert.Equal(SweepEvaluator.FastCpu, e.EvaluatedBy));
    }

    [Fact]
    public void Margin_refusals_are_the_engines()
    {
        // 30 % of equity at risk over a 4 % stop wants 7.5 × equity, capped at 3 × 98 %; at 1 % worst slippage the margin
        // check refuses what the sizing asks for.
        var (_, engine) = Compare(Ema, Future, CandleInterval.FourHours, 600, seed: 9, new RiskManagement(30m, 5m, 4m, 0m), leverage: 3, volatility: 0.01);

        Assert.Contains(engine, r => r.Actions.Any(a => a.Refusal?.Contains("margin", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Orders_larger_than_the_top_of_the_book_are_run_on_the_engine()
    {
        var thin = Stock with { TopOfBookSize = 700m };

        var (fast, engine) = Compare(Ema, thin, CandleInterval.OneMinute, 1500, seed: 7, new RiskManagement(2m, 0m, 1.5m, 3m));

        // The engine fills such orders in parts over several quotes; the fast path hands those combinations back.
        Assert.Contains(engine, r => r.Fills.GroupBy(f => f.OrderId).Any(g => g.Count() > 1));
        Assert.Contains(fast, e => e.EvaluatedBy == SweepEvaluator.Engine);
    }

    [Fact]
    public void A_sweep_the_fast_path_cannot_run_runs_on_the_engine()
    {
        var rsi = StrategyAlgorithms.Find("rsi_mean_reversion")!;
        var bars = Bars(Stock, CandleInterval.OneMinute, 600, seed: 3);
        var settings = Settings(rsi, Stock, CandleInterval.OneMinute, bars.Count, new RiskManagement(2m, 0m, 1.5m, 3m));
        var request = Request(settings, bars, new ParameterGrid(rsi, [ParameterRange.List("period", 7, 14)]));
        var combinations = request.Grid.Expand().Combinations;

        var fast = CrossoverSweepCpu.Exact.Evaluate(request, combinations, null, default);
        var engine = EngineSweep.Instance.Evaluate(request, combinations, null, default);

        Assert.Equal(engine.Select(e => e.Metrics), fast.Select(e => e.Metrics));
        Assert.All(fast, e => Assert.Equal(SweepEvaluator.Engine, e.EvaluatedBy));
        Assert.NotNull(CrossoverSweepCpu.Exact.Unsupported(request));
    }

    /// <summary>
    /// The seeded ±0.02 % random slippage is keyed on the engine's order ids, so the fast path cannot reproduce it. The
    /// exact backend then runs the engine; the approximate one models it by its mean, 0, and stays within the stated
    /// tolerance: each fill is off by up to ±0.02 % of its price, a random walk over the fills that measured at most
    /// 0.25 % of the final equity and 0.06 of Sharpe on this sweep (about 60 round trips each).
    /// </summary>
    [Fact]
    public void Random_slippage_runs_on_the_engine_or_within_the_stated_tolerance_when_approximated()
    {
        var noisy = Stock with { RandomSlippage = 0.0002m };
        var bars = Bars(noisy, CandleInterval.FifteenMinutes, 3000, seed: 40, volatility: 0.003);
        var settings = Settings(Sma, noisy, CandleInterval.FifteenMinutes, bars.Count, new RiskManagement(2m, 0m, 1.5m, 3m));
        var request = Request(settings, bars, Grid(Sma, [3, 8], [21, 34], [0, 1]));
        var combinations = request.Grid.Expand().Combinations;

        var exact = CrossoverSweepCpu.Exact.Evaluate(request, combinations, null, default);
        var approximate = CrossoverSweepCpu.Approximate.Evaluate(request, combinations, null, default);

        Assert.All(exact, e => Assert.Equal(SweepEvaluator.Engine, e.EvaluatedBy));
        for (var i = 0; i < combinations.Count; i++)
        {
            var engine = exact[i].Metrics;
            var fast = approximate[i].Metrics;
            Assert.Equal(SweepEvaluator.FastCpu, approximate[i].EvaluatedBy);
            Assert.NotEqual(engine.FinalEquity, fast.FinalEquity);
            Assert.InRange(Math.Abs(engine.FinalEquity - fast.FinalEquity), 0m, 0.005m * settings.InitialBalance);
            Assert.InRange(Math.Abs(engine.Sharpe - fast.Sharpe), 0, 0.1);
            Assert.Equal(engine.TotalTrades, fast.TotalTrades);
        }

        Assert.Single(CrossoverSweepCpu.Approximate.NotesFor(request));
    }

    [Fact]
    public void The_venues_instruments_keep_the_random_slippage()
    {
        // Only a backtest may switch it off; every instrument the venue trades has seed 004's ±0.02 %.
        Assert.All(InstrumentCatalog.Defaults, i => Assert.Equal(TradingPlatform.Trading.Execution.ExecutionCosts.RandomSlippage, i.RandomSlippage));
        Assert.Equal(0.0002m, TradingPlatform.Trading.Execution.ExecutionCosts.RandomSlippage);
    }

    [Fact]
    public void Cancellation_stops_the_sweep()
    {
        var bars = Bars(Stock, CandleInterval.OneMinute, 500, seed: 2);
        var request = Request(Settings(Sma, Stock, CandleInterval.OneMinute, bars.Count, RiskManagement.Default), bars, Grid(Sma, [3, 5], [13, 21], [0, 1]));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CrossoverSweepCpu.Exact.Evaluate(request, request.Grid.Expand().Combinations, null, cancelled.Token));
    }

    private static (IReadOnlyList<SweepEvaluation> Fast, List<BacktestResult> Engine) Compare(
        StrategyAlgorithm algorithm, Instrument instrument, CandleInterval interval, int count, int seed, RiskManagement risk,
        int leverage = 1, IntrabarPath path = IntrabarPath.NearerExtremeFirst, double volatility = 0.004)
    {
        var bars = Bars(instrument, interval, count, seed, volatility);
        var settings = Settings(algorithm, instrument, interval, count, risk, leverage) with { Path = path };
        var request = Request(settings, bars, Grid(algorithm, [3, 5, 8], [13, 21], [0, 1]));
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
