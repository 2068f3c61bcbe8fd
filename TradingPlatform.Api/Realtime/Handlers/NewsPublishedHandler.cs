using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>
/// The AiService ingested a news item: <c>market_news</c> (seed 001's shape: id, title, content, source, impact,
/// symbols, publishedAt, plus the item's sentiment) and, for each symbol it names, <c>sentiment</c> with that symbol's
/// time-decayed sentiment once the item counts, all on the public <c>news</c> channel. Published once per event id.
/// </summary>
internal sealed class NewsPublishedHandler(PublicChannelPublisher publisher, TimeProvider time) : IIdempotentIntegrationEventHandler<NewsPublishedIntegrationEvent>
{
    public Task HandleAsync(NewsPublishedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var stamp = Stamp.Of(e, time);
        var news = new
        {
            id = e.NewsId, title = e.Headline, content = e.Body ?? e.Headline, e.Source, e.Impact, e.Symbols, e.PublishedAt,
            sentimentScore = e.SentimentScore, sentimentLabel = e.SentimentLabel,
        };
        List<byte[]> bodies = [Envelope.Open(MessageTypes.MarketNews, news, stamp, RealtimeChannels.News)];
        foreach (var s in e.SymbolSentiment)
        {
            var sentiment = new { s.Symbol, score = s.Score, items = s.Items, s.Window, asOf = s.AsOf, newsId = e.NewsId, newsScore = e.SentimentScore };
            bodies.Add(Envelope.Open(MessageTypes.Sentiment, sentiment, stamp, RealtimeChannels.News));
        }

        return publisher.PublishOnceAsync(e.Id, RealtimeChannels.News, null, bodies);
    }
}
