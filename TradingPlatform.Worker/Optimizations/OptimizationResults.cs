using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Worker.Optimizations;

/// <summary>Turns a sweep's or walk-forward's outcome into what is stored: ranked rows, windows, and the best combination's backtest.</summary>
internal static class OptimizationResults
{
    public static List<OptimizationRowRecord> Rows(SweepResult table) =>
        [.. table.Rows.Select(r => new OptimizationRowRecord(r.Rank, r.Combination.Parameters.Values, r.ObjectiveValue, r.Feasible, r.Metrics))];

    public static WalkForwardRecord WalkForward(WalkForwardResult result, IReadOnlyList<DateTimeOffset> barTimes, TimeSpan barLength) => new(
        [.. result.Windows.Select(w => new WalkForwardWindowRecord(
            w.Window.Index, barTimes[w.Window.InSampleStart], barTimes[w.Window.InSampleEnd - 1] + barLength,
            barTimes[w.Window.OutOfSampleStart], barTimes[w.Window.OutOfSampleEnd - 1] + barLength,
            w.Chosen?.Parameters.Values, w.InSample, w.OutOfSample?.Metrics, w.InSampleAnnualisedReturn, w.OutOfSampleAnnualisedReturn,
            w.Efficiency, w.CombinationsEvaluated))],
        result.Efficiency, result.EfficiencyNote, result.MeanInSampleAnnualisedReturn, result.MeanOutOfSampleAnnualisedReturn,
        EquityCurveSampler.Downsample(result.StitchedEquity));

    /// <summary>The best combination's full-engine run as a completed backtest of the same owner, so its trades and chart are served like any other.</summary>
    public static BacktestRun BestBacktest(OptimizationRun run, BacktestSettings settings, BacktestResult result, DateTimeOffset now) => new()
    {
        OwnerId = run.OwnerId, StrategyId = run.StrategyId, Algorithm = run.Algorithm, Parameters = BacktestJson.Serialize(StoredParameters(settings)),
        RiskManagement = run.RiskManagement, Symbols = [.. run.Symbols], Interval = run.Interval, Start = run.Start, End = run.End,
        InitialBalance = run.InitialBalance, Leverage = run.Leverage, CommissionRate = run.CommissionRate, SlippageFactor = run.SlippageFactor,
        IntrabarPath = run.IntrabarPath, Seed = settings.Seed, RiskFreeRate = run.RiskFreeRate, Status = BacktestStatus.Completed, Progress = 1,
        Bars = result.Bars, TradeCount = result.Trades.Count, Metrics = BacktestJson.Serialize(result.Metrics),
        EquityCurve = BacktestJson.Serialize(EquityCurveSampler.Downsample(result.Equity)), Gaps = BacktestJson.Serialize(result.Gaps),
        CreatedAt = now, StartedAt = run.StartedAt ?? now, CompletedAt = now,
    };

    /// <summary>As a backtest stores its parameters: flags as booleans, periods as whole numbers.</summary>
    private static Dictionary<string, object> StoredParameters(BacktestSettings settings)
    {
        var parameters = settings.Parameters;
        return parameters.Algorithm.Parameters.ToDictionary(spec => spec.Name, spec => spec.Kind switch
        {
            TradingPlatform.Trading.Strategies.Algorithms.ParameterKind.Boolean => (object)(parameters.Values[spec.Name] != 0),
            TradingPlatform.Trading.Strategies.Algorithms.ParameterKind.Integer => (long)parameters.Values[spec.Name],
            _ => parameters.Values[spec.Name],
        });
    }
}
