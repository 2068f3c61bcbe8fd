using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>A backtest finished: <c>backtest_completed</c> on the owner's <c>backtests</c> channel, once per event id.</summary>
internal sealed class BacktestCompletedHandler(UserChannelLog log, TimeProvider time) : IIdempotentIntegrationEventHandler<BacktestCompletedIntegrationEvent>
{
    public Task HandleAsync(BacktestCompletedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var at = Stamp.Of(e, time);
        var data = new { backtestId = e.BacktestId, e.Status, e.TotalReturn, e.Sharpe, e.MaxDrawdown, e.FinalEquity, e.TradeCount, e.Error, e.CompletedAt };
        return log.AppendAsync(e.UserId, null, RealtimeChannels.Backtests, e.Id,
            [Envelope.Open(MessageTypes.BacktestCompleted, data, at, RealtimeChannels.Backtests)]);
    }
}
