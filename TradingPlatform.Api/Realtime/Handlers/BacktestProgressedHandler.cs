using TradingPlatform.Api.Realtime.Fanout;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Handlers;

/// <summary>A backtest advanced: <c>backtest_progress</c> on the owner's <c>backtests</c> channel, once per event id.</summary>
internal sealed class BacktestProgressedHandler(UserChannelLog log, TimeProvider time) : IIdempotentIntegrationEventHandler<BacktestProgressedIntegrationEvent>
{
    public Task HandleAsync(BacktestProgressedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var at = Stamp.Of(e, time);
        var data = new { backtestId = e.BacktestId, e.Progress, e.BarsDone, e.TotalBars, e.SimulatedTime, updatedAt = at };
        return log.AppendAsync(e.UserId, null, RealtimeChannels.Backtests, e.Id,
            [Envelope.Open(MessageTypes.BacktestProgress, data, at, RealtimeChannels.Backtests)]);
    }
}
