using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>
/// An account's cash moved: <c>portfolio_update</c>, <c>balance_update</c> and <c>pnl_update</c> on the owner's
/// <c>portfolio</c> channel, appended together (consecutive seqs, one dedupe) so a redelivery adds none of them.
/// </summary>
internal sealed class BalanceChangedHandler(UserChannelLog log, TimeProvider time) : IIntegrationEventHandler<BalanceChangedIntegrationEvent>
{
    public Task HandleAsync(BalanceChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var at = Stamp.Of(e, time);
        const string channel = RealtimeChannels.Portfolio;
        byte[][] bodies =
        [
            Envelope.Open(MessageTypes.PortfolioUpdate, new PortfolioUpdateData(e.AccountId, e.Equity, e.FreeMargin, e.UnrealizedPnl, e.DayPnl, at), at, channel),
            Envelope.Open(MessageTypes.BalanceUpdate, new { e.AccountId, e.Balance, e.Equity, e.UsedMargin, e.FreeMargin, e.Reason, updatedAt = at }, at, channel),
            Envelope.Open(MessageTypes.PnlUpdate, new { e.AccountId, e.UnrealizedPnl, e.RealizedPnl, e.DayPnl, updatedAt = at }, at, channel),
        ];
        return log.AppendAsync(e.UserId, e.AccountId, channel, e.Id, bodies);
    }
}
