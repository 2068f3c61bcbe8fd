using TradingPlatform.Api.Market;
using TradingPlatform.Api.Orders;
using TradingPlatform.Api.Portfolio;
using TradingPlatform.Api.Positions;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Realtime.Fanout;

/// <summary>
/// What a client gets instead of a replay it can no longer have: the current state of the channel, as the REST API
/// answers it (open orders, open positions, each account's portfolio), or the latest quotes for a public channel.
/// </summary>
internal sealed class SnapshotProvider(IServiceScopeFactory scopes, QuoteBook quotes)
{
    public async Task<IReadOnlyList<object>> GetUserChannelAsync(Guid userId, string channel, Guid? accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var books = await scope.ServiceProvider.GetRequiredService<AccountBookReader>().ReadAllAsync(userId, cancellationToken);
        var mine = books.Where(b => accountId is null || b.Account.Id.Value == accountId).ToList();
        switch (channel)
        {
            case RealtimeChannels.Orders:
                return [.. mine.SelectMany(b => b.WorkingOrders).Select(OrderResponse.From)];
            case RealtimeChannels.Positions:
                return [.. mine.SelectMany(b => b.OpenPositions).Select(p => PositionResponse.From(p, quotes.GetLatest(p.Symbol)))];
            default:
                var portfolios = scope.ServiceProvider.GetRequiredService<PortfolioService>();
                var result = new List<object>(mine.Count);
                foreach (var book in mine)
                {
                    result.Add(await portfolios.GetAsync(userId, book.Account.Id, cancellationToken));
                }

                return result;
        }
    }

    public IReadOnlyList<object> GetPrices(IEnumerable<string> symbols) =>
    [
        .. symbols.Select(quotes.GetLatest).OfType<TradingPlatform.Trading.Market.Quote>()
            .Select(q => new PriceUpdateData(q.Symbol.ToUpperInvariant(), q.Bid, q.Ask, q.Last, 0m, 0m, q.Volume, q.Timestamp)),
    ];
}
