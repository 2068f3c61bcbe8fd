using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.News;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.News;

/// <summary>
/// <c>POST /api/news</c> on the real AiService: an admin's item is scored by the sentiment model, its symbols recognised,
/// stored, and its NewsPublished written to the outbox with it; a retry (same id, or same source, headline and time)
/// answers the stored item and writes nothing; only admins post; bad items are 400 or 413, never a 500.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class NewsApiTests(InfrastructureFixture infrastructure)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<NewsPublishedIntegrationEvent>> EventsForAsync(NewsHost host, Guid newsId)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == nameof(NewsPublishedIntegrationEvent)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<NewsPublishedIntegrationEvent>(p, IntegrationEventSerializer.Options)!)
            .Where(e => e.NewsId == newsId).ToList();
    }

    [Fact]
    public async Task An_admins_item_is_scored_its_symbols_recognised_stored_and_published_once_and_a_retry_answers_the_stored_item()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        using var admin = host.Client("admin");
        var headline = $"EUR/USD rallies as euro-dollar buyers cheer strong growth; Bitcoin climbs too ({Guid.NewGuid():N})";
        var publishedAt = DateTimeOffset.UtcNow.AddMinutes(-3);
        var request = new { headline, source = "Newswire", publishedAt, symbols = new[] { "aapl" } };
        var meter = host.Services.GetRequiredService<AiService.Costs.AiCallMeter>();
        var meteredBefore = await NewsCallsAsync(host);

        using var posted = await admin.PostAsJsonAsync("/api/news", request);
        var item = await ReadAsync(posted, HttpStatusCode.Created);
        var id = item.GetProperty("id").GetGuid();
        Assert.Equal($"/api/news/{id}", posted.Headers.Location?.OriginalString);
        // The poster's symbol first, then those the text names, each once.
        Assert.Equal(["AAPL", "EURUSD", "BTC-USD"], item.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(NewsIngestor.Microseconds(publishedAt), item.GetProperty("publishedAt").GetDateTimeOffset());

        // The score is the sentiment model's for the same text (the analyze endpoint answers it on its own).
        using var analyzed = await admin.PostAsJsonAsync("/api/analyze", new { text = headline, source = "Newswire" });
        var sentiment = JsonSerializer.Deserialize<SentimentResult>(await analyzed.Content.ReadAsStringAsync(), Json)!;
        Assert.Equal(sentiment.Score, item.GetProperty("sentimentScore").GetDouble(), 1e-9);
        Assert.Equal(sentiment.Label, item.GetProperty("sentimentLabel").GetString());
        Assert.Equal(NewsImpact.Of(sentiment.Score), item.GetProperty("impact").GetString());

        var published = Assert.Single(await EventsForAsync(host, id));
        Assert.Equal((headline, "Newswire"), (published.Headline, published.Source));
        Assert.Equal(["AAPL", "EURUSD", "BTC-USD"], published.Symbols);
        Assert.Equal(["AAPL", "EURUSD", "BTC-USD"], published.SymbolSentiment.Select(s => s.Symbol));
        Assert.All(published.SymbolSentiment, s => Assert.Equal("1d", s.Window));

        // The same post again, and the same item under a new client-less post: the stored item, nothing new published.
        using var retried = await admin.PostAsJsonAsync("/api/news", request);
        var again = await ReadAsync(retried, HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("id").GetGuid());
        Assert.Single(await EventsForAsync(host, id));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        Assert.Equal(1, await db.NewsItems.CountAsync(n => n.Headline == headline));
        // Scoring the item was metered once (the retry scored nothing), with the tokens the model read.
        await meter.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var metered = (await NewsCallsAsync(host)).ExceptBy(meteredBefore.Select(r => r.Id), r => r.Id).ToList();
        Assert.True(metered.Count == 1 && metered[0].InputUnits > 10 && metered[0].Model == sentiment.Model, string.Join(", ", metered.Select(r => $"{r.Model} {r.InputUnits}")));

        var read = await ReadAsync(await host.Client("viewer").GetAsync($"/api/news/{id}"), HttpStatusCode.OK);
        Assert.Equal(headline, read.GetProperty("headline").GetString());

        // The relay publishes the event to the broker (with publisher confirms) and marks its row sent.
        var sentAt = await Poll.UntilAsync(async () =>
        {
            await using var poll = host.Scope();
            var rows = await poll.ServiceProvider.GetRequiredService<AiDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Id == published.Id).Select(m => m.SentAt).ToListAsync();
            return Assert.Single(rows);
        }, sent => sent is not null, TimeSpan.FromSeconds(60), "the NewsPublished row relayed");
        Assert.NotNull(sentAt);
    }

    [Fact]
    public async Task A_client_id_makes_the_item_the_same_under_its_source_however_its_text_changes_and_racing_posts_store_one()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        using var admin = host.Client("admin");
        var clientId = $"wire-{Guid.NewGuid():N}";

        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            admin.PostAsJsonAsync("/api/news", new { id = clientId, headline = $"Gold climbs to a record, take {i}", source = "Wire" })));
        var statuses = posts.Select(p => p.StatusCode).ToList();
        var ids = new List<Guid>();
        foreach (var post in posts)
        {
            ids.Add(JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
            post.Dispose();
        }

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Single(ids.Distinct());
        Assert.Single(await EventsForAsync(host, ids[0]));

        var changed = await ReadAsync(await admin.PostAsJsonAsync("/api/news", new { id = clientId, headline = "Something else entirely", source = "Wire" }), HttpStatusCode.OK);
        Assert.Equal(ids[0], changed.GetProperty("id").GetGuid());
        Assert.StartsWith("Gold climbs to a record, take ", changed.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.Equal(["XAU-USD"], changed.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));

        var otherSource = await ReadAsync(await admin.PostAsJsonAsync("/api/news", new { id = clientId, headline = "Gold climbs", source = "Other wire" }), HttpStatusCode.Created);
        Assert.NotEqual(ids[0], otherSource.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Only_admins_post_news_a_trader_or_viewer_gets_403_and_an_anonymous_caller_401()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        var request = new { headline = $"Apple shares rise ({Guid.NewGuid():N})", source = "Wire" };

        using var anonymous = await host.Client(null).PostAsJsonAsync("/api/news", request);
        using var trader = await host.Client("trader").PostAsJsonAsync("/api/news", request);
        using var viewer = await host.Client("viewer").PostAsJsonAsync("/api/news", request);
        using var admin = await host.Client("admin").PostAsJsonAsync("/api/news", request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        await using var scope = host.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AiDbContext>().NewsItems.CountAsync(n => n.Headline == request.headline));
    }

    [Theory]
    [InlineData("""{"source":"Wire"}""", "headline", "headline is required")]
    [InlineData("""{"headline":"   ","source":"Wire"}""", "headline", "headline is required")]
    [InlineData("""{"headline":"Gold rises"}""", "source", "source is required")]
    [InlineData("""{"headline":"Gold rises","source":" \t"}""", "source", "source is required")]
    [InlineData("""{"headline":"Gold rises","source":"Wire","symbols":["AAPL","NOPE"]}""", "symbols", "Unknown symbol(s): 'NOPE'.")]
    [InlineData("""{"headline":"Gold rises","source":"Wire","id":"  "}""", "id", "id, when given")]
    [InlineData("""{"headline":"Gold rises","source":"Wire","publishedAt":"2999-01-01T00:00:00Z"}""", "publishedAt", "publishedAt 2999-01-01")]
    [InlineData("""{"headline":"Gold rises","source":"Wire","publishedAt":"yesterday"}""", "body", "The body is not a JSON object")]
    [InlineData("""{"headline": """, "body", "The body is not a JSON object")]
    [InlineData("""[1,2]""", "body", "The body is not a JSON object")]
    [InlineData("null", "body", "The body must be a JSON object")]
    public async Task An_invalid_item_answers_400_naming_the_field_and_stores_nothing(string body, string field, string message)
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var before = await db.NewsItems.CountAsync();

        using var response = await host.Client("admin").PostAsync("/api/news", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await db.NewsItems.CountAsync());
    }

    [Fact]
    public async Task Over_long_texts_and_a_form_body_are_refused_with_413_or_400_never_a_500()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        using var admin = host.Client("admin");

        // 'é' is two bytes of UTF-8: 32,769 of them are 65,538 bytes, over the default 64 KiB.
        using var longBody = await admin.PostAsJsonAsync("/api/news", new { headline = "Gold rises", source = "Wire", body = new string('é', 32_769) });
        var tooLarge = await ReadAsync(longBody, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body is 65538 bytes of UTF-8; News:MaxBodyBytes allows at most 65536.", tooLarge.GetProperty("detail").GetString());
        Assert.Contains("News:MaxBodyBytes", tooLarge.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);

        using var longHeadline = await admin.PostAsJsonAsync("/api/news", new { headline = new string('x', NewsLimits.MaxHeadlineLength + 1), source = "Wire" });
        var invalid = await ReadAsync(longHeadline, HttpStatusCode.BadRequest);
        Assert.Equal($"headline is 501 characters; at most {NewsLimits.MaxHeadlineLength}.", invalid.GetProperty("errors").GetProperty("headline")[0].GetString());

        using var form = await admin.PostAsync("/api/news", new StringContent("headline=Gold", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var refused = await ReadAsync(form, HttpStatusCode.BadRequest);
        Assert.StartsWith("The body must be a JSON object", refused.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_path_analyze_answers_as_the_sentiment_analyze_endpoint()
    {
        await using var host = await NewsHost.StartAsync(infrastructure);
        using var client = host.Client(null);
        var request = new { text = "Quarterly profit soared 40% and the company raised its full-year outlook.", source = "Newswire" };

        using var seed = await client.PostAsJsonAsync("/api/analyze", request);
        using var own = await client.PostAsJsonAsync("/api/sentiment/analyze", request);
        using var empty = await client.PostAsJsonAsync("/api/analyze", new { text = " " });

        Assert.Equal(HttpStatusCode.OK, seed.StatusCode);
        Assert.Equal(await own.Content.ReadAsStringAsync(), await seed.Content.ReadAsStringAsync());
        Assert.Equal("positive", JsonDocument.Parse(await seed.Content.ReadAsStringAsync()).RootElement.GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    private static async Task<List<AiService.Costs.AiCallRecord>> NewsCallsAsync(NewsHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AiDbContext>().AiCallRecords.AsNoTracking()
            .Where(r => r.Feature == AiService.Costs.AiFeatures.News).ToListAsync();
    }
}
