using System.Collections.Concurrent;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// Hears the ticks this replica publishes into its quote book (the feed's leader, or a test) and sends them to every
/// replica through Redis, so that clients of replicas that do not run the feed get prices too. The change is against
/// the first price of the UTC day seen here (the leader's view, so every replica reports the same change).
/// </summary>
internal sealed class PriceTickPublisher(PublicChannelPublisher publisher, ILogger<PriceTickPublisher> logger) : ITickSubscriber
{
    private readonly ConcurrentDictionary<string, (DateOnly Day, decimal Open)> _dayOpen = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask OnTicksAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
    {
        if (ticks.Count == 0)
        {
            return;
        }

        var prices = new List<PriceUpdateData>(ticks.Count);
        foreach (var tick in ticks)
        {
            var day = DateOnly.FromDateTime(tick.Timestamp.UtcDateTime);
            var open = _dayOpen.AddOrUpdate(tick.Symbol, _ => (day, tick.Last), (_, current) => current.Day == day ? current : (day, tick.Last)).Open;
            var change = tick.Last - open;
            var percent = open == 0 ? 0 : Math.Round(change / open * 100m, 4);
            prices.Add(new PriceUpdateData(tick.Symbol.ToUpperInvariant(), tick.Bid, tick.Ask, tick.Last, change, percent, tick.Volume, tick.Timestamp));
        }

        try
        {
            await publisher.PublishPricesAsync(prices);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Prices are superseded within a tick; losing one while Redis is away is better than failing the feed.
            logger.LogWarning(exception, "Publishing {Count} prices to WebSocket clients failed", prices.Count);
        }
    }
}
