using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>
/// One account change on the owner's channels: on <c>orders</c>, for each order its executions (<c>order_filled</c>)
/// then the order as it stands (<c>order_update</c>); on <c>positions</c>, seed 000's <c>position_update</c> per
/// position; on <c>portfolio</c>, when cash moved, <c>portfolio_update</c>, a <c>balance_update</c> per reason and
/// <c>pnl_update</c>. Each channel's messages are appended together under the event id (consecutive seqs, one
/// dedupe), so a redelivery, even after a failure between two channels, adds none of what was already appended.
/// </summary>
internal sealed class AccountChangedHandler(UserChannelLog log, TimeProvider time) : IIdempotentIntegrationEventHandler<AccountChangedIntegrationEvent>
{
    public async Task HandleAsync(AccountChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var at = Stamp.Of(e, time);
        if (OrderMessages(e, at) is { Count: > 0 } orders)
        {
            await log.AppendAsync(e.UserId, e.AccountId, RealtimeChannels.Orders, e.Id, orders);
        }

        if (e.Positions.Count > 0)
        {
            var positions = e.Positions
                .Select(p => Envelope.Open(MessageTypes.PositionUpdate, new PositionUpdateData(p.Action.ToUpperInvariant(), p.Position, at), at, RealtimeChannels.Positions))
                .ToList();
            await log.AppendAsync(e.UserId, e.AccountId, RealtimeChannels.Positions, e.Id, positions);
        }

        if (e.Balance is { } balance)
        {
            await log.AppendAsync(e.UserId, e.AccountId, RealtimeChannels.Portfolio, e.Id, PortfolioMessages(e.AccountId, balance, at));
        }
    }

    private static List<byte[]> OrderMessages(AccountChangedIntegrationEvent e, DateTimeOffset at)
    {
        const string channel = RealtimeChannels.Orders;
        var bodies = new List<byte[]>(e.Orders.Count + e.Fills.Count);
        foreach (var order in e.Orders)
        {
            foreach (var fill in e.Fills.Where(f => f.OrderId == order.Id))
            {
                bodies.Add(Fill(e.AccountId, fill, at));
            }

            bodies.Add(Envelope.Open(MessageTypes.OrderUpdate, order, at, channel));
        }

        // An execution of an order the change did not report (not written by the trading store; kept so none is lost).
        foreach (var fill in e.Fills.Where(f => !e.Orders.Any(o => o.Id == f.OrderId)))
        {
            bodies.Add(Fill(e.AccountId, fill, at));
        }

        return bodies;
    }

    private static byte[] Fill(Guid accountId, FillSnapshot f, DateTimeOffset at)
    {
        var data = new
        {
            fillId = f.Id, f.OrderId, accountId, f.PositionId, f.Symbol, f.Side, f.Quantity, f.Price, f.Commission, f.RealizedPnl,
            f.Liquidity, f.StrategyId, f.ExecutedAt,
        };
        return Envelope.Open(MessageTypes.OrderFilled, data, at, RealtimeChannels.Orders);
    }

    private static List<byte[]> PortfolioMessages(Guid accountId, AccountBalanceSnapshot b, DateTimeOffset at)
    {
        const string channel = RealtimeChannels.Portfolio;
        var bodies = new List<byte[]>(b.Reasons.Count + 2)
        {
            Envelope.Open(MessageTypes.PortfolioUpdate, new PortfolioUpdateData(accountId, b.Equity, b.FreeMargin, b.UnrealizedPnl, b.DayPnl, at), at, channel),
        };
        // One balance_update per reason, as clients got one per cash movement; the figures are the change's final ones.
        foreach (var reason in b.Reasons.DefaultIfEmpty("adjustment"))
        {
            bodies.Add(Envelope.Open(MessageTypes.BalanceUpdate, new { accountId, b.Balance, b.Equity, b.UsedMargin, b.FreeMargin, reason, updatedAt = at }, at, channel));
        }

        bodies.Add(Envelope.Open(MessageTypes.PnlUpdate, new { accountId, b.UnrealizedPnl, b.RealizedPnl, b.DayPnl, updatedAt = at }, at, channel));
        return bodies;
    }
}
