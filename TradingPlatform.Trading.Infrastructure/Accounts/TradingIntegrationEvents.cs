using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Execution;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>
/// Maps the domain events of one account change to its one integration event, <see cref="AccountChangedIntegrationEvent"/>,
/// with enum values as the REST API writes them. Orders and positions are the change's final state (the outbox row is
/// written at its end), each once, in the order the change first touched them; fills in execution order; the balance
/// figures, after the whole change, are computed as the account and portfolio endpoints compute them, and only when
/// cash moved.
/// </summary>
public static class TradingIntegrationEvents
{
    /// <summary>The change's integration event; null for a change with no domain events (nothing to tell).</summary>
    public static AccountChangedIntegrationEvent? From(AccountBook book, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(market);
        if (book.Events.Count == 0)
        {
            return null;
        }

        var orders = new List<Order>();
        var fills = new List<Fill>();
        // Position → whether the change opened it; the final action is decided once every event is seen.
        var positions = new List<(Position Position, bool Opened)>();
        var reasons = new List<string>();
        foreach (var domainEvent in book.Events)
        {
            switch (domainEvent)
            {
                case OrderUpdated updated:
                    if (!orders.Exists(o => ReferenceEquals(o, updated.Order)))
                    {
                        orders.Add(updated.Order);
                    }

                    break;
                case OrderFilled filled:
                    fills.Add(filled.Fill);
                    break;
                case PositionChanged changed:
                    var at = positions.FindIndex(p => ReferenceEquals(p.Position, changed.Position));
                    if (at < 0)
                    {
                        positions.Add((changed.Position, changed.Action == PositionAction.Opened));
                    }
                    else if (changed.Action == PositionAction.Opened)
                    {
                        positions[at] = (changed.Position, true);
                    }

                    break;
                case BalanceChanged balance:
                    var reason = WireNames.Snake(balance.Reason);
                    if (!reasons.Contains(reason, StringComparer.Ordinal))
                    {
                        reasons.Add(reason);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"No integration event for {domainEvent.GetType().Name}.");
            }
        }

        var userId = book.Account.OwnerId;
        return new AccountChangedIntegrationEvent(
            userId,
            book.Account.Id.Value,
            [.. orders.Select(Snapshot)],
            [.. fills.Select(Snapshot)],
            [.. positions.Select(p => new PositionChange(Action(p.Position, p.Opened), Snapshot(p.Position, market.LatestQuote(p.Position.Symbol))))],
            reasons.Count == 0 ? null : Balance(MarginCalculator.Snapshot(book, market), reasons))
        {
            // The change's time: its last domain event's (all of one change share the clock's reading).
            OccurredAt = book.Events[^1].At,
        };
    }

    /// <summary>Seed 000's action for the change as a whole: closed wins (the position is gone), then opened.</summary>
    private static string Action(Position position, bool opened) =>
        !position.IsOpen ? "CLOSED" : opened ? "OPENED" : "UPDATED";

    private static AccountBalanceSnapshot Balance(AccountSnapshot figures, IReadOnlyList<string> reasons) =>
        new(figures.Balance, figures.Equity, figures.MarginUsed, figures.MarginAvailable, figures.UnrealizedPnl, figures.RealizedPnl, figures.DayPnl, reasons);

    private static OrderSnapshot Snapshot(Order order) =>
        new(order.Id.Value, order.AccountId.Value, order.ClientOrderId?.Value, order.Symbol, WireNames.Snake(order.Type), WireNames.Snake(order.Side),
            order.Quantity, order.Price, order.StopPrice, order.TimeInForce.ToString().ToUpperInvariant(), WireNames.Snake(order.Status),
            order.StatusReason, order.FilledQuantity, order.RemainingQuantity, order.AveragePrice, order.Commission, order.StrategyId?.Value,
            order.CreatedAt, order.UpdatedAt);

    private static FillSnapshot Snapshot(Fill fill) =>
        new(fill.Id.Value, fill.OrderId.Value, fill.PositionId.Value, fill.Symbol, WireNames.Snake(fill.Side), fill.Quantity, fill.Price,
            fill.Commission, fill.RealizedPnl, WireNames.Snake(fill.Liquidity), fill.StrategyId?.Value, fill.ExecutedAt);

    /// <summary>The position with the REST API's figures (<see cref="PositionValuation"/>).</summary>
    private static PositionSnapshot Snapshot(Position position, Quote? quote)
    {
        var (current, unrealized, percent) = PositionValuation.Of(position, quote);
        return new PositionSnapshot(
            position.Id.Value, position.AccountId.Value, position.Symbol, position.Side.ToString().ToUpperInvariant(), position.Quantity,
            position.EntryPrice, current, unrealized, percent, position.Leverage, position.StopLoss, position.TakeProfit,
            position.IsOpen ? position.LiquidationPrice : null, position.Margin, position.OpenedAt.ToUnixTimeMilliseconds(), position.RealizedPnl,
            position.IsOpen ? "open" : "closed", position.UpdatedAt);
    }
}
