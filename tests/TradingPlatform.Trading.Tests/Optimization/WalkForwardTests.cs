using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using static TradingPlatform.Trading.Tests.Optimization.OptimizationFixtures;

namespace TradingPlatform.Trading.Tests.Optimization;

public sealed class WalkForwardTests
{
    private static readonly IReadOnlyList<Candle> Candles = Bars(Stock, CandleInterval.FifteenMinutes, 1000, seed: 23, volatility: 0.003);

    [Fact]
    public void Rolling_windows_slide_by_the_out_of_sample_length()
    {
        var windows = WalkForward.Windows(100, new WalkForwardSettings { InSampleBars = 40, OutOfSampleBars = 20 });

        Assert.Equal(
            [new WalkForwardWindow(0, 0, 40, 40, 60), new WalkForwardWindow(1, 20, 60, 60, 80), new WalkForwardWindow(2, 40, 80, 80, 100)],
            windows);
    }

    [Fact]
    public void Anchored_windows_start_at_the_first_bar_and_grow()
    {
        var windows = WalkForward.Windows(95, new WalkForwardSettings { InSampleBars = 40, OutOfSampleBars = 20, Mode = WalkForwardMode.Anchored });

        // The last 15 bars make no whole out-of-sample window and are left out.
        Assert.Equal(
            [new WalkForwardWindow(0, 0, 40, 40, 60), new WalkForwardWindow(1, 0, 60, 60, 80)],
            windows);
    }

    [Theory]
    [InlineData(0, 10, "The in-sample and out-of-sample windows need at least one bar each; they were 0 and 10.")]
    [InlineData(80, 30, "One window needs 80 in-sample + 30 out-of-sample bars, but the backtest has 100.")]
    public void Windows_that_do_not_fit_are_errors(int inSample, int outOfSample, string message)
    {
        var failure = Assert.Throws<ArgumentException>(() => WalkForward.Windows(100, new WalkForwardSettings { InSampleBars = inSample, OutOfSampleBars = outOfSample }));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_optimisation_of_a_window_sees_only_its_in_sample_bars()
    {
        var spy = new SpyBackend();
        var walkForward = new WalkForwardSettings { InSampleBars = 300, OutOfSampleBars = 200 };

        var result = WalkForward.Run(Request(), walkForward, spy);

        Assert.Equal(3, result.Windows.Count);
        Assert.Equal(3, spy.Calls.Count);
        for (var i = 0; i < result.Windows.Count; i++)
        {
            var window = result.Windows[i].Window;
            var (settings, bars) = spy.Calls[i];
            Assert.Equal(Candles.Skip(window.InSampleStart).Take(window.InSampleEnd - window.InSampleStart), bars);
            Assert.True(settings.End <= Candles[window.OutOfSampleStart].OpenTime);
            Assert.All(bars, b => Assert.True(b.OpenTime < Candles[window.OutOfSampleStart].OpenTime));
        }
    }

    [Fact]
    public void Changing_the_out_of_sample_bars_changes_nothing_the_window_chose_in_sample()
    {
        var walkForward = new WalkForwardSettings { InSampleBars = 400, OutOfSampleBars = 300 };
        var original = WalkForward.Run(Request(), walkForward);
        // Bars 400 on become a different market; window 0's in-sample bars (0–399) stay as they were.
        var altered = Candles.Take(400).Concat(Bars(Stock, CandleInterval.FifteenMinutes, 1000, seed: 99, volatility: 0.003).Skip(400)).ToList();

        var changed = WalkForward.Run(Request(altered), walkForward);

        var (first, second) = (original.Windows[0], changed.Windows[0]);
        Assert.Equal(first.Chosen!.Values, second.Chosen!.Values);
        Assert.Equal(first.InSample, second.InSample);
        Assert.NotEqual(first.OutOfSample!.Metrics.FinalEquity, second.OutOfSample!.Metrics.FinalEquity);
    }

    [Fact]
    public void The_out_of_sample_run_is_warmed_up_trades_only_out_of_sample_and_chains_the_equity()
    {
        var walkForward = new WalkForwardSettings { InSampleBars = 300, OutOfSampleBars = 200, Mode = WalkForwardMode.Anchored };

        var result = WalkForward.Run(Request(), walkForward);

        var balance = 100_000m;
        foreach (var window in result.Windows)
        {
            var run = Assert.IsType<BacktestResult>(window.OutOfSample);
            var oosStart = Candles[window.Window.OutOfSampleStart].OpenTime;
            Assert.Equal(window.Window.OutOfSampleEnd - window.Window.OutOfSampleStart, run.Bars);
            Assert.All(run.Fills, f => Assert.True(f.ExecutedAt >= oosStart));
            Assert.Equal(balance, run.Equity[0].Equity);
            balance = run.Metrics.FinalEquity;

            // Warmed up on the in-sample bars, the rule's signals are exactly those of one continuous run over them all.
            var continuous = BacktestEngine.Run(
                Request().Settings with { Parameters = window.Chosen!.Parameters, End = Candles[window.Window.OutOfSampleEnd - 1].CloseTime },
                new Dictionary<string, IReadOnlyList<Candle>> { [Stock.Symbol] = Candles });
            Assert.Equal(continuous.Signals.Where(s => s.At > oosStart), run.Signals);
        }

        // A signal on the first out-of-sample bars is possible only with the indicators already ready.
        Assert.Contains(result.Windows, w => w.OutOfSample!.Signals.Count > 0 && w.OutOfSample.Signals[0].At < Candles[w.Window.OutOfSampleStart + (int)w.Chosen!["slow"]].OpenTime);
        Assert.Equal(result.Windows[^1].OutOfSample!.Metrics.FinalEquity, result.StitchedEquity[^1].Equity);
        Assert.Equal(Candles[300].OpenTime, result.StitchedEquity[0].At);
        Assert.True(result.StitchedEquity.Zip(result.StitchedEquity.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Equal(1 + (3 * 200), result.StitchedEquity.Count);
    }

    [Fact]
    public void Efficiency_is_the_mean_annualised_out_of_sample_return_over_the_mean_annualised_in_sample_return()
    {
        var result = WalkForward.Run(Request(), new WalkForwardSettings { InSampleBars = 300, OutOfSampleBars = 200 });

        var years = (Candles[299].CloseTime - Candles[0].OpenTime).TotalDays / 365.25;
        var window = result.Windows[0];
        Assert.Equal(window.InSample!.TotalReturn / years, window.InSampleAnnualisedReturn!.Value, 12);
        var oosYears = (Candles[499].CloseTime - Candles[300].OpenTime).TotalDays / 365.25;
        Assert.Equal(window.OutOfSample!.Metrics.TotalReturn / oosYears, window.OutOfSampleAnnualisedReturn, 12);
        var meanIn = result.Windows.Average(w => w.InSampleAnnualisedReturn!.Value);
        var meanOut = result.Windows.Average(w => w.OutOfSampleAnnualisedReturn);
        Assert.Equal((meanIn, meanOut), (result.MeanInSampleAnnualisedReturn, result.MeanOutOfSampleAnnualisedReturn));
        Assert.Equal(meanIn > 0 ? meanOut / meanIn : null, result.Efficiency);
    }

    [Fact]
    public void Efficiency_is_undefined_without_a_positive_in_sample_return_or_a_window_that_traded()
    {
        var window = new WalkForwardWindow(0, 0, 10, 10, 15);
        WalkForwardWindowResult Traded(double inSample, double outOfSample) => new(window, null, null, null, inSample, outOfSample, null, 1);

        Assert.Equal(0.5, WalkForward.Efficiency([Traded(0.2, 0.05), Traded(0.4, 0.25)]).Efficiency!.Value, 12);
        var losing = WalkForward.Efficiency([Traded(-0.1, 0.3), Traded(0.05, 0.1)]);
        Assert.Null(losing.Efficiency);
        Assert.Contains("no in-sample edge", losing.Note, StringComparison.Ordinal);
        var idle = WalkForward.Efficiency([new WalkForwardWindowResult(window, null, null, null, null, 0, null, 4)]);
        Assert.Null(idle.Efficiency);
        Assert.Contains("nothing was traded", idle.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_without_a_feasible_combination_stays_flat()
    {
        var request = Request() with { Constraints = new SweepConstraints { MinTrades = 100_000 } };

        var result = WalkForward.Run(request, new WalkForwardSettings { InSampleBars = 300, OutOfSampleBars = 200 });

        Assert.All(result.Windows, w => Assert.Null(w.OutOfSample));
        Assert.All(result.StitchedEquity, p => Assert.Equal(100_000m, p.Equity));
        Assert.Null(result.Efficiency);
    }

    private static SweepRequest Request() => Request(Candles);

    private static SweepRequest Request(IReadOnlyList<Candle> bars)
    {
        var settings = Settings(Sma, Stock, CandleInterval.FifteenMinutes, bars.Count, new RiskManagement(1m, 0m, 1m, 2m));
        return OptimizationFixtures.Request(settings, bars,
            new ParameterGrid(Sma, [ParameterRange.List("fast", 3, 6), ParameterRange.List("slow", 12, 24), ParameterRange.List("allowShort", 0, 1)]))
            with { Objective = SweepObjective.TotalReturn };
    }

    /// <summary>Records what each in-sample sweep was given, and evaluates it on the fast path.</summary>
    private sealed class SpyBackend : ISweepBackend
    {
        public List<(BacktestSettings Settings, IReadOnlyList<Candle> Bars)> Calls { get; } = [];

        public string Name => "spy";

        public IReadOnlyList<SweepEvaluation> Evaluate(SweepRequest request, IReadOnlyList<ParameterCombination> combinations, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
        {
            Calls.Add((request.Settings, request.Candles.Values.Single()));
            return CrossoverSweepCpu.Exact.Evaluate(request, combinations, progress, cancellationToken);
        }
    }
}
