using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;

namespace TradingPlatform.AiService.News;

/// <summary>
/// Stores a news item once: scores its headline and body with <see cref="SentimentAnalyzer"/>, adds the symbols its
/// text names to those the poster named, and writes the item and its <see cref="NewsPublishedIntegrationEvent"/> (with
/// each symbol's decayed sentiment once the item counts) in one transaction. The same item again (the poster's id
/// under the same source, or else the same source, headline and publication time) answers the stored one and writes
/// nothing, also when two posts race: the unique dedupe key decides. <c>POST /api/news</c> and the simulator both
/// ingest through here.
/// </summary>
internal sealed class NewsIngestor(AiDbContext db, IOutbox outbox, SentimentAnalyzer analyzer, TimeProvider time, IOptions<NewsOptions> options, AiCallMeter meter)
{
    public async Task<NewsIngestion> IngestAsync(NewsSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var key = DedupeKey(submission);
        if (await FindAsync(key, cancellationToken) is { } existing)
        {
            return new NewsIngestion(existing, false);
        }

        var text = submission.Body is null ? submission.Headline : $"{submission.Headline}\n\n{submission.Body}";
        var sentiment = await ScoreAsync(text, submission.Source, cancellationToken);
        var symbols = submission.Symbols.Concat(SymbolRecognizer.Recognize(submission.Headline, submission.Body))
            .Distinct(StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow();
        var item = new NewsItem
        {
            Id = Guid.NewGuid(), ClientId = submission.ClientId, DedupeKey = key, Headline = submission.Headline, Body = submission.Body,
            Source = submission.Source, PublishedAt = submission.PublishedAt, ReceivedAt = Microseconds(now), Symbols = symbols,
            SentimentScore = sentiment.Score, SentimentLabel = sentiment.Label, AuthenticityScore = sentiment.AuthenticityScore,
            Impact = NewsImpact.Of(sentiment.Score), Summary = sentiment.Summary, Model = $"{sentiment.Model} {sentiment.ModelVersion}",
        };

        var symbolSentiment = await SymbolSentimentAsync(item, now, cancellationToken);
        db.NewsItems.Add(item);
        outbox.Add(new NewsPublishedIntegrationEvent(item.Id, item.Headline, item.Body, item.Source, item.PublishedAt, item.Symbols,
            item.SentimentScore, item.SentimentLabel, item.Impact, symbolSentiment) { OccurredAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new NewsIngestion(item, true);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another post of the same item committed first: it is the item, and its event the only one.
            db.ChangeTracker.Clear();
            return new NewsIngestion(await FindAsync(key, cancellationToken) ?? throw new InvalidOperationException("The news item's key was taken, yet no item has it.", exception), false);
        }
    }

    /// <summary>Scores the text, metered as <see cref="AiFeatures.News"/> (an item's scoring costs what an analysis does, wherever it came from).</summary>
    private async Task<SentimentResult> ScoreAsync(string text, string source, CancellationToken cancellationToken)
    {
        var work = AiWork.Begin();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var sentiment = await analyzer.AnalyzeAsync(text, source, cancellationToken);
        meter.Record(new AiCall(AiFeatures.News, sentiment.Model, sentiment.ModelVersion, work.TokenCount, 1, System.Diagnostics.Stopwatch.GetElapsedTime(started),
            work.Device.TotalSeconds, null, null));
        return sentiment;
    }

    /// <summary>PostgreSQL keeps microseconds: the stored time, so that the answer equals what a later read returns.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset value) => new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>The poster's id under its source, or else source, headline and publication time: hashed, so the key has one length.</summary>
    public static string DedupeKey(NewsSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var (prefix, text) = submission.ClientId is { } id
            ? ("id:", $"{submission.Source}\n{id}")
            : ("tx:", $"{submission.Source}\n{submission.Headline}\n{submission.PublishedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}");
        return prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private Task<NewsItem?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.NewsItems.AsNoTracking().SingleOrDefaultAsync(n => n.DedupeKey == key, cancellationToken);

    private async Task<List<NewsSymbolSentiment>> SymbolSentimentAsync(NewsItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var window = SentimentWindow.TryParse(settings.DefaultWindow, out var parsed) ? parsed : throw new InvalidOperationException("News:DefaultWindow is not a window.");
        var result = new List<NewsSymbolSentiment>(item.Symbols.Count);
        foreach (var symbol in item.Symbols)
        {
            var stored = await NewsSentimentQuery.ScoresAsync(db, symbol, window, now, settings.FutureTolerance, cancellationToken);
            var counted = NewsSentimentQuery.InWindow(item.PublishedAt, window, now, settings.FutureTolerance)
                ? stored.Append((item.PublishedAt, item.SentimentScore))
                : stored;
            var decay = SentimentDecay.Of(counted, now, settings.SentimentHalfLife);
            result.Add(new NewsSymbolSentiment(symbol, decay.Score ?? 0, decay.Count, window.Text, now));
        }

        return result;
    }
}
