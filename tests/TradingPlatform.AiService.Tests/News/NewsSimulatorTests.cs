using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.News;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.AiService.Tests.News;

/// <summary>
/// The news simulator on the real AiService, driven by a fake clock: its headlines follow the move of the latest
/// candles (written where the Api keeps them), are marked simulated, and go through ingestion as a post does.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class NewsSimulatorTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>40 one-minute candles of <paramref name="symbol"/>, closing at 100 + step·i.</summary>
    private async Task<List<decimal>> AddSeriesAsync(string symbol, decimal step)
    {
        await using var trading = new TradingDbContext(new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql).Options);
        await trading.Database.MigrateAsync();
        var start = new DateTimeOffset(2032, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var closes = Enumerable.Range(0, 40).Select(i => 100m + (step * i)).ToList();
        for (var i = 0; i < closes.Count; i++)
        {
            trading.Set<Candle>().Add(new Candle(symbol, CandleInterval.OneMinute, start.AddMinutes(i), closes[i], closes[i], closes[i], closes[i], 1m));
        }

        await trading.SaveChangesAsync();
        return closes;
    }

    [Fact]
    public async Task A_rising_market_gets_positive_simulated_headlines_ingested_as_posts_are()
    {
        var closes = await AddSeriesAsync("XAU-USD", 0.1m);
        var time = new FakeTimeProvider(new DateTimeOffset(2032, 3, 1, 1, 0, 0, TimeSpan.Zero));
        await using var host = await NewsHost.StartAsync(infrastructure, time,
            ("News:Simulator:Enabled", "true"), ("News:Simulator:Interval", "00:00:10"), ("News:Simulator:Symbols:0", "XAU-USD"),
            ("News:Simulator:LookbackBars", "30"));
        var started = time.GetUtcNow();

        // Each poll moves the clock one interval on: the simulator's timer fires, and the poll sees what it stored.
        var items = await Poll.UntilAsync(async () =>
        {
            time.Advance(Interval);
            await using var scope = host.Scope();
            return await scope.ServiceProvider.GetRequiredService<AiDbContext>().NewsItems.AsNoTracking()
                .Where(n => n.Source == NewsSimulatorOptions.Source && n.PublishedAt > started && n.Symbols.Contains("XAU-USD")).ToListAsync();
        }, found => found.Count >= 2, TimeSpan.FromSeconds(60), "two simulated items about XAU-USD");

        // The latest 30 closes run from 101.0 to 103.9: a rise of 2.87%.
        var move = (double)((closes[^1] / closes[^30]) - 1);
        Assert.Equal("2.87", (move * 100).ToString("0.00", CultureInfo.InvariantCulture));
        var expected = NewsTemplates.Positive.Select(t => "[Simulated] " + string.Format(CultureInfo.InvariantCulture, t, "Gold", "2.87%")).ToHashSet();
        await using var check = host.Scope();
        var analyzer = check.ServiceProvider.GetRequiredService<SentimentAnalyzer>();
        foreach (var item in items)
        {
            Assert.Contains(item.Headline, expected);
            Assert.Equal(["XAU-USD"], item.Symbols);
            Assert.True(item.SentimentScore > 0, $"'{item.Headline}' scored {item.SentimentScore}");
            // Scored as POST /api/news scores: the model's score of the headline.
            Assert.Equal((await analyzer.AnalyzeAsync(item.Headline, NewsSimulatorOptions.Source)).Score, item.SentimentScore, 9);
        }

        // Each stored item's NewsPublished went to the outbox with it.
        var payloads = await check.ServiceProvider.GetRequiredService<AiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == nameof(NewsPublishedIntegrationEvent)).Select(m => m.Payload).ToListAsync();
        var published = payloads.Select(p => JsonSerializer.Deserialize<NewsPublishedIntegrationEvent>(p, IntegrationEventSerializer.Options)!.NewsId).ToHashSet();
        Assert.All(items, item => Assert.Contains(item.Id, published));
    }

    [Fact]
    public async Task Every_positive_template_reads_positive_and_every_negative_one_negative_to_the_sentiment_model()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        var analyzer = host.Services.GetRequiredService<SentimentAnalyzer>();
        foreach (var symbol in SymbolRecognizer.Symbols)
        {
            var name = NewsTemplates.NameOf(symbol);
            foreach (var (templates, label) in new[] { (NewsTemplates.Positive, "positive"), (NewsTemplates.Negative, "negative") })
            {
                foreach (var template in templates)
                {
                    var headline = "[Simulated] " + string.Format(CultureInfo.InvariantCulture, template, name, "1.25%");
                    var result = await analyzer.AnalyzeAsync(headline, NewsSimulatorOptions.Source);
                    Assert.True(result.Label == label, $"'{headline}' reads {result.Label} ({result.Score:0.000}), not {label}");
                    Assert.Equal([symbol], SymbolRecognizer.Recognize(headline));
                }
            }
        }
    }
}
