using System.Globalization;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Training;
using TradingPlatform.ServiceDefaults.Data;

namespace TradingPlatform.AiService.News;

/// <summary>
/// Simulated market news (<c>News:Simulator</c>, off unless enabled): every interval, for the next symbol in turn, the
/// move of its latest candles (first close to last, read as training reads them) picks a template, positive for a
/// rise, negative for a fall, neutral in between, and the item is ingested through <see cref="NewsIngestor"/> as a post
/// is, with source <c>simulated</c> and a headline that starts "[Simulated]". A symbol without candles is skipped.
/// </summary>
internal sealed class NewsSimulator(
    IServiceScopeFactory scopes, IOptions<NewsSimulatorOptions> options, SchemaStatus<AiDbContext> schema, TimeProvider time, ILogger<NewsSimulator> logger)
    : BackgroundService
{
    private int _next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var symbols = settings.Symbols.Count > 0 ? settings.Symbols : [.. SymbolRecognizer.Symbols];
        await schema.Completion.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var symbol = symbols[_next++ % symbols.Count];
            try
            {
                await SimulateAsync(symbol, settings, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The news simulator could not write an item for {Symbol}; it tries the next symbol at the next interval.", symbol);
            }
        }
    }

    private async Task SimulateAsync(string symbol, NewsSimulatorOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var bars = await CandleSeries.ReadAsync(db, symbol, settings.CandleInterval, null, null, settings.LookbackBars, cancellationToken);
        if (bars.Count < 2 || bars[0].Close == 0)
        {
            logger.LogDebug("No {Interval} candles of {Symbol} to simulate news from.", settings.CandleInterval, symbol);
            return;
        }

        var move = (double)((bars[^1].Close / bars[0].Close) - 1);
        var templates = move >= settings.MoveThreshold ? NewsTemplates.Positive
            : move <= -settings.MoveThreshold ? NewsTemplates.Negative
            : NewsTemplates.Neutral;
        var template = templates[Random.Shared.Next(templates.Count)];
        var headline = NewsSimulatorOptions.HeadlinePrefix + string.Format(CultureInfo.InvariantCulture, template,
            NewsTemplates.NameOf(symbol), NewsTemplates.Percent(move));
        var ingestor = scope.ServiceProvider.GetRequiredService<NewsIngestor>();
        var now = NewsIngestor.Microseconds(time.GetUtcNow());
        await ingestor.IngestAsync(new NewsSubmission(null, headline, null, NewsSimulatorOptions.Source, now, [symbol]), cancellationToken);
    }
}
