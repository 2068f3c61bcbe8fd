using TradingPlatform.Api.Trading;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Events;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Api.Messaging;

/// <summary>
/// Maps the domain events of one account change to the integration contracts, with enum values as the REST API writes
/// them. Orders and positions are the change's final state (the outbox rows are written at its end); balance events
/// carry the account's figures after the whole change, computed as the account and portfolio endpoints compute them.
/// </summary>
internal static class TradingIntegrationEvents
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
                    filled.Fill.Symbol, ApiNames.Snake(filled.Fill.Side), filled.Fill.Quantity, filled.Fill.Price, filled.Fill.Commission,
                    filled.Fill.RealizedPnl, ApiNames.Snake(filled.Fill.Liquidity), filled.Fill.StrategyId?.Value, filled.Fill.ExecutedAt),
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
            figures.UnrealizedPnl, figures.RealizedPnl, figures.DayPnl, ApiNames.Snake(balance.Reason));

    private static OrderSnapshot Snapshot(Order order) =>
        new(order.Id.Value, order.AccountId.Value, order.ClientOrderId?.Value, order.Symbol, ApiNames.Snake(order.Type), ApiNames.Snake(order.Side),
            order.Quantity, order.Price, order.StopPrice, order.TimeInForce.ToString().ToUpperInvariant(), ApiNames.Snake(order.Status),
            order.StatusReason, order.FilledQuantity, order.RemainingQuantity, order.AveragePrice, order.Commission, order.StrategyId?.Value,
            order.CreatedAt, order.UpdatedAt);

    /// <summary>The position as <see cref="Positions.PositionResponse"/> shows it (same mark price and P&amp;L rules).</summary>
    private static PositionSnapshot Snapshot(Position position, Quote? quote)
    {
        var response = Positions.PositionResponse.From(position, quote);
        return new PositionSnapshot(
            response.Id, response.AccountId, response.Symbol, response.TradeType, response.Quantity, response.EntryPrice, response.CurrentPrice,
            response.UnrealizedPnl, response.UnrealizedPnlPercent, response.Leverage, response.StopLoss, response.TakeProfit,
            response.LiquidationPrice, response.Margin, response.EntryTime, response.RealizedPnl, response.Status, response.UpdatedAt);
    }
}
