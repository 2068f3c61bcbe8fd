using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>An execution: <c>order_filled</c> on the owner's <c>orders</c> channel (the order's own update comes separately).</summary>
internal sealed class OrderFilledHandler(UserChannelLog log, TimeProvider time) : IIntegrationEventHandler<OrderFilledIntegrationEvent>
{
    public Task HandleAsync(OrderFilledIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var data = new
        {
            e.FillId, e.OrderId, e.AccountId, e.PositionId, e.Symbol, e.Side, e.Quantity, e.Price, e.Commission, e.RealizedPnl,
            e.Liquidity, e.StrategyId, e.ExecutedAt,
        };
        var body = Envelope.Open(MessageTypes.OrderFilled, data, Stamp.Of(e, time), RealtimeChannels.Orders);
        return log.AppendAsync(e.UserId, e.AccountId, RealtimeChannels.Orders, e.Id, [body]);
    }
}
