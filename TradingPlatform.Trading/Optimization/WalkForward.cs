using System.Globalization;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// Walk-forward analysis over one instrument's bars: windows of <see cref="WalkForwardSettings.InSampleBars"/> in-sample
/// bars followed by <see cref="WalkForwardSettings.OutOfSampleBars"/> out-of-sample bars, stepping by the out-of-sample
/// length (rolling: the in-sample window slides; anchored: it always starts at the first bar), only whole windows. In
/// each window the sweep optimises on the in-sample bars alone (it is given no other bar), the best combination that
/// meets the constraints is run through the full engine on the out-of-sample bars, warmed up on the in-sample bars so
/// that its indicators are ready but trading and measured only out of sample (<see cref="WarmedUpAlgorithm"/>), with
/// the equity the previous window ended with. A window whose sweep finds no feasible combination does not trade.
/// </summary>
public static class WalkForward
{
    private const double DaysPerYear = 365.25;

    /// <summary>The windows over <paramref name="totalBars"/> bars.</summary>
    /// <exception cref="ArgumentException">A length below one bar, or not even one whole window.</exception>
    public static IReadOnlyList<WalkForwardWindow> Windows(int totalBars, WalkForwardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (inSample, outOfSample) = (settings.InSampleBars, settings.OutOfSampleBars);
        if (inSample < 1 || outOfSample < 1)
        {
            throw new ArgumentException(
                $"The in-sample and out-of-sample windows need at least one bar each; they were {inSample} and {outOfSample}.", nameof(settings));
        }

        if ((long)inSample + outOfSample > totalBars)
        {
            throw new ArgumentException(
                $"One window needs {inSample} in-sample + {outOfSample} out-of-sample bars, but the backtest has {totalBars}.", nameof(settings));
        }

        var windows = new List<WalkForwardWindow>();
        for (var start = inSample; (long)start + outOfSample <= totalBars; start += outOfSample)
        {
            var inSampleStart = settings.Mode == WalkForwardMode.Anchored ? 0 : start - inSample;
            windows.Add(new WalkForwardWindow(windows.Count, inSampleStart, start, start, start + outOfSample));
        }

        return windows;
    }

    /// <summary>
    /// Runs the walk-forward of <paramref name="request"/>'s sweep (its grid, objective and constraints) over its bars.
    /// </summary>
    /// <exception cref="ArgumentException">Not exactly one instrument, or windows that do not fit (see <see cref="Windows"/>).</exception>
    public static WalkForwardResult Run(
        SweepRequest request,
        WalkForwardSettings walkForward,
        ISweepBackend? backend = null,
        IProgress<WalkForwardProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(walkForward);
        request.Validate();
        if (request.Settings.Instruments.Count != 1)
        {
            throw new ArgumentException(
                $"A walk-forward runs over one instrument's bars; this backtest has {request.Settings.Instruments.Count} instruments.", nameof(request));
        }

        var instrument = request.Settings.Instruments[0];
        var bars = BacktestBars.Of(request.Settings, instrument, request.Candles);
        var windows = Windows(bars.Count, walkForward);
        var results = new List<WalkForwardWindowResult>(windows.Count);
        var balance = request.Settings.InitialBalance;
        var stitched = new List<EquityPoint> { new(bars[windows[0].OutOfSampleStart].OpenTime, balance) };
        foreach (var window in windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (balance <= 0m)
            {
                // A ruined account cannot start another window (returns need a positive starting equity).
                break;
            }

            var result = RunWindow(request, instrument.Symbol, bars, window, balance, backend, cancellationToken);
            results.Add(result);
            if (result.OutOfSample is { } run)
            {
                stitched.AddRange(run.Equity.Skip(1));
                balance = run.Metrics.FinalEquity;
            }
            else
            {
                for (var i = window.OutOfSampleStart; i < window.OutOfSampleEnd; i++)
                {
                    stitched.Add(new EquityPoint(bars[i].CloseTime, balance));
                }
            }

            progress?.Report(new WalkForwardProgress(results.Count, windows.Count));
        }

        var (efficiency, note, meanInSample, meanOutOfSample) = Efficiency(results);
        return new WalkForwardResult(results, stitched, efficiency, note, meanInSample, meanOutOfSample);
    }

    /// <summary>
    /// The walk-forward efficiency of <paramref name="windows"/> as defined on <see cref="WalkForwardResult.Efficiency"/>:
    /// (efficiency or null, why null, the mean annualised in-sample and out-of-sample returns).
    /// </summary>
    internal static (double? Efficiency, string? Note, double MeanInSample, double MeanOutOfSample) Efficiency(IReadOnlyList<WalkForwardWindowResult> windows)
    {
        var traded = windows.Where(w => w.InSampleAnnualisedReturn is not null).ToList();
        if (traded.Count == 0)
        {
            return (null, "No window found parameters that met the constraints, so nothing was traded out of sample.", 0, 0);
        }

        var inSample = traded.Average(w => w.InSampleAnnualisedReturn!.Value);
        var outOfSample = traded.Average(w => w.OutOfSampleAnnualisedReturn);
        return inSample > 0
            ? (outOfSample / inSample, null, inSample, outOfSample)
            : (null, string.Create(CultureInfo.InvariantCulture,
                $"The mean annualised in-sample return is {inSample:P2}: with no in-sample edge there is nothing for the out-of-sample return to be a share of."),
                inSample, outOfSample);
    }

    private static WalkForwardWindowResult RunWindow(
        SweepRequest request, string symbol, List<Candle> bars, WalkForwardWindow window, decimal balance, ISweepBackend? backend, CancellationToken cancellationToken)
    {
        var inSampleBars = bars.GetRange(window.InSampleStart, window.InSampleEnd - window.InSampleStart);
        var outOfSampleBars = bars.GetRange(window.OutOfSampleStart, window.OutOfSampleEnd - window.OutOfSampleStart);
        // The sweep is given the in-sample bars and nothing else: no out-of-sample bar can reach the optimisation.
        var inSampleRequest = request with
        {
            Settings = Period(request.Settings, inSampleBars) with { InitialBalance = balance },
            Candles = new Dictionary<string, IReadOnlyList<Candle>>(StringComparer.OrdinalIgnoreCase) { [symbol] = inSampleBars },
        };
        var sweep = ParameterSweep.Run(inSampleRequest, backend, null, cancellationToken);
        var outOfSampleYears = Years(outOfSampleBars);
        if (sweep.Best is not { } best)
        {
            return new WalkForwardWindowResult(window, null, null, null, null, 0, null, sweep.Rows.Count);
        }

        var outOfSampleSettings = Period(request.Settings, outOfSampleBars) with
        {
            Parameters = WarmedUpAlgorithm.Wrap(best.Combination.Parameters, inSampleBars),
            InitialBalance = balance,
        };
        var run = BacktestEngine.Run(outOfSampleSettings,
            new Dictionary<string, IReadOnlyList<Candle>>(StringComparer.OrdinalIgnoreCase) { [symbol] = outOfSampleBars }, null, cancellationToken);
        var inSampleReturn = best.Metrics.TotalReturn / Years(inSampleBars);
        var outOfSampleReturn = run.Metrics.TotalReturn / outOfSampleYears;
        return new WalkForwardWindowResult(
            window, best.Combination, best.Metrics, run, inSampleReturn, outOfSampleReturn,
            inSampleReturn > 0 ? outOfSampleReturn / inSampleReturn : null, sweep.Rows.Count);
    }

    /// <summary>The settings narrowed to exactly these bars: from the first one's open to the last one's close.</summary>
    private static BacktestSettings Period(BacktestSettings settings, List<Candle> bars) =>
        settings with { Start = bars[0].OpenTime, End = bars[^1].CloseTime };

    /// <summary>From the first bar's open to the last bar's close, as the engine's equity curve spans them.</summary>
    private static double Years(List<Candle> bars) => (bars[^1].CloseTime - bars[0].OpenTime).TotalDays / DaysPerYear;
}
