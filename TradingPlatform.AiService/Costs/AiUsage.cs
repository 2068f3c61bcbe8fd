using TradingPlatform.AiService.Analysis;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.AiService.Training;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// The usage in a metered endpoint's successful answer: a forecast counts the points it read (the lookback) and
/// wrote; a trend prediction the points it read and one answer; a batch one record per model, counting series; a sentiment analysis the tokens its model read in and one
/// classification out;
/// an analysis the bars it read in and its recommendations out; a training
/// start its maximum epochs in (the run's device time is the job's).
/// </summary>
internal static class AiUsage
{
    public sealed record Usage(string Model, string ModelVersion, long InputUnits, long OutputUnits, string? ExecutionProvider);

    public static IReadOnlyList<Usage> Of(object? value, long tokens) => value switch
    {
        ForecastResponse forecast => [new(forecast.Meta.Model, forecast.Meta.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            forecast.Meta.Lookback, forecast.Forecast.Count, forecast.Meta.ExecutionProvider)],
        TrendPrediction trend => [new(trend.Meta.Model, trend.Meta.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            trend.Meta.Lookback, 1, trend.Meta.ExecutionProvider)],
        IEnumerable<ForecastBatchItem> batch => Batch(batch.ToList()),
        SentimentResult sentiment => [new(sentiment.Model, sentiment.ModelVersion, tokens, 1, null)],
        AnalysisResponse analysis => [new("market-analysis", "1", analysis.Bars, analysis.Recommendations.Count, null)],
        TrainingRunResponse run => [new("nbeats", "0", run.MaxEpochs, 0, null)],
        _ => [],
    };

    private static List<Usage> Batch(List<ForecastBatchItem> items)
    {
        var served = items.Where(i => i.Forecast is not null).Select(i => i.Forecast!).ToList();
        var usages = served.GroupBy(f => (f.Meta.Model, f.Meta.Version, f.Meta.ExecutionProvider))
            .Select(g => new Usage(g.Key.Model, g.Key.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count(), g.Count(), g.Key.ExecutionProvider))
            .ToList();
        var failed = items.Count - served.Count;
        if (failed > 0)
        {
            // Series that no model answered still were requests: counted in, none out.
            usages.Add(new Usage("none", "0", failed, 0, null));
        }

        return usages;
    }
}
