using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>
/// Maps the domain events of one account change to the integration contracts, with enum values as the REST API writes
/// them. Orders and positions are the change's final state (the outbox rows are written at its end); balance events
/// carry the account's figures after the whole change, computed as the account and portfolio endpoints compute them.
/// </summary>
public static class TradingIntegrationEvents
{
    public static IEnumerable<IntegrationEvent> From(AccountBook book, IMarketView market)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(market);
        var userId = book.Account.OwnerId;
        AccountSnapshot? figures = null;
        foreach (var domainEvent in book.Events)
        {
            IntegrationEvent integrationEvent = domainEvent switch
            {
                OrderUpdated updated => new OrderUpdatedIntegrationEvent(userId, Snapshot(updated.Order)),
                OrderFilled filled => new OrderFilledIntegrationEvent(
                    userId, filled.Fill.AccountId.Value, filled.Fill.Id.Value, filled.Fill.OrderId.Value, filled.Fill.PositionId.Value,
                    filled.Fill.Symbol, WireNames.Snake(filled.Fill.Side), filled.Fill.Quantity, filled.Fill.Price, filled.Fill.Commission,
                    filled.Fill.RealizedPnl, WireNames.Snake(filled.Fill.Liquidity), filled.Fill.StrategyId?.Value, filled.Fill.ExecutedAt),
                PositionChanged changed => new PositionChangedIntegrationEvent(
                    userId, changed.Action.ToString().ToUpperInvariant(), Snapshot(changed.Position, market.LatestQuote(changed.Position.Symbol))),
                BalanceChanged balance => Balance(book, userId, balance, figures ??= MarginCalculator.Snapshot(book, market)),
                _ => throw new InvalidOperationException($"No integration event for {domainEvent.GetType().Name}."),
            };
            yield return integrationEvent with { OccurredAt = domainEvent.At };
        }
    }

    private static BalanceChangedIntegrationEvent Balance(AccountBook book, Guid userId, BalanceChanged balance, AccountSnapshot figures) =>
        new(userId, book.Account.Id.Value, figures.Balance, figures.Equity, figures.MarginUsed, figures.MarginAvailable,
            figures.UnrealizedPnl, figures.RealizedPnl, figures.DayPnl, WireNames.Snake(balance.Reason));

    private static OrderSnapshot Snapshot(Order order) =>
        new(order.Id.Value, order.AccountId.Value, order.ClientOrderId?.Value, order.Symbol, WireNames.Snake(order.Type), WireNames.Snake(order.Side),
            order.Quantity, order.Price, order.StopPrice, order.TimeInForce.ToString().ToUpperInvariant(), WireNames.Snake(order.Status),
            order.StatusReason, order.FilledQuantity, order.RemainingQuantity, order.AveragePrice, order.Commission, order.StrategyId?.Value,
            order.CreatedAt, order.UpdatedAt);

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
