using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>NewsPublished from the AiService reaches news subscribers as market_news and one sentiment per symbol, once.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeNewsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_news_item_reaches_news_subscribers_as_market_news_and_a_sentiment_per_symbol_once()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("news");

        var now = factory.Time!.GetUtcNow();
        var news = new NewsPublishedIntegrationEvent(Guid.NewGuid(), "EUR/USD rallies; Bitcoin climbs", "Both rose on strong data.", "Newswire",
            now.AddMinutes(-1), ["EURUSD", "BTC-USD"], 0.72, "positive", "high",
            [new NewsSymbolSentiment("EURUSD", 0.5, 3, "1d", now), new NewsSymbolSentiment("BTC-USD", 0.72, 1, "1d", now)]) { OccurredAt = now };
        await factory.HandleAsync(news);
        await factory.HandleAsync(news);

        var item = await socket.WaitForAsync("market_news");
        Assert.Equal("news", item.GetProperty("channel").GetString());
        var data = item.GetProperty("data");
        Assert.Equal(news.NewsId, data.GetProperty("id").GetGuid());
        Assert.Equal(("EUR/USD rallies; Bitcoin climbs", "Both rose on strong data.", "Newswire", "high"),
            (data.GetProperty("title").GetString(), data.GetProperty("content").GetString(), data.GetProperty("source").GetString(), data.GetProperty("impact").GetString()));
        Assert.Equal(["EURUSD", "BTC-USD"], data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(news.PublishedAt, data.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(0.72, data.GetProperty("sentimentScore").GetDouble());

        var euro = await socket.WaitForAsync("sentiment", m => m.GetProperty("data").GetProperty("symbol").GetString() == "EURUSD");
        var bitcoin = await socket.WaitForAsync("sentiment", m => m.GetProperty("data").GetProperty("symbol").GetString() == "BTC-USD");
        Assert.Equal((0.5, 3, "1d"), (euro.GetProperty("data").GetProperty("score").GetDouble(), euro.GetProperty("data").GetProperty("items").GetInt32(),
            euro.GetProperty("data").GetProperty("window").GetString()));
        Assert.Equal(news.NewsId, bitcoin.GetProperty("data").GetProperty("newsId").GetGuid());
        Assert.Equal([1L, 2L, 3L], new[] { item, euro, bitcoin }.Select(m => m.GetProperty("seq").GetInt64()));

        // The redelivery added nothing: the next item is the subscription's fourth message.
        var next = news with { Id = Guid.NewGuid(), NewsId = Guid.NewGuid(), Symbols = [], SymbolSentiment = [] };
        await factory.HandleAsync(next);
        var fourth = await socket.WaitForAsync("market_news", m => m.GetProperty("data").GetProperty("id").GetGuid() == next.NewsId);
        Assert.Equal(4L, fourth.GetProperty("seq").GetInt64());
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() is "market_news" or "sentiment");
    }
}
