using TradingPlatform.Api.Realtime.Protocol;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>Fan-out into the connection, and resume (replay or snapshot, then the live messages held meanwhile).</summary>
internal sealed partial class RealtimeConnection
{
    /// <summary>A user-channel message (already carrying its seq) for <paramref name="userId"/>.</summary>
    public void DeliverUser(Guid userId, Guid? accountId, string channel, long seq, byte[] message)
    {
        if (UserId != userId || !_subscriptions.TryGetValue(channel, out var subscription)
            || (subscription.AccountId is { } filter && filter != accountId))
        {
            return;
        }

        lock (subscription.Gate)
        {
            if (subscription.Held is { } held)
            {
                held.Add((seq, message));
                return;
            }

            QueueUser(subscription, seq, message);
        }
    }

    /// <summary>
    /// A fanned-out public message without seq (the body is shared by every subscriber; the subscription numbers it when
    /// it is sent). With <paramref name="wake"/> false the send loop is woken by <see cref="Wake"/> once the fan-out has
    /// queued the whole batch, so that a client gets a tick batch in one wake-up rather than one per symbol.
    /// </summary>
    public void DeliverBroadcast(Subscription subscription, byte[] body, string? conflationKey, long receivedAt, bool wake = true) =>
        Enqueue(new Outbound(body, subscription.Counter, conflationKey, ReceivedAt: receivedAt), wake);

    /// <summary>Wakes the send loop after <see cref="DeliverBroadcast"/> calls without waking it.</summary>
    public void Wake() => _queue.Wake();

    private async Task ResumeAsync(ClientMessage message, CancellationToken cancellationToken)
    {
        var channel = message.Channel;
        var lastSeq = message.LastSeq;
        if (message.ResumeToken is { } token)
        {
            if (!ClientMessageParser.TryReadResumeToken(token, out var tokenChannel, out var tokenSeq))
            {
                SendError(ErrorCodesFor.Validation, "The resume token is not one this server handed out.");
                return;
            }

            channel = tokenChannel;
            lastSeq = tokenSeq;
        }

        if (channel is null || !RealtimeChannels.All.Contains(channel))
        {
            SendError(ErrorCodesFor.Validation, $"Unknown channel '{channel}'.");
            return;
        }

        if (!RealtimeChannels.IsUser(channel))
        {
            ResumePublic(channel, message);
            return;
        }

        if (lastSeq is not { } from)
        {
            SendError(ErrorCodesFor.Validation, "resume needs lastSeq (or resumeToken).");
            return;
        }

        var userId = UserId!.Value;
        if (message.AccountId is { } accountId && !await _services.Ownership.IsOwnedAsync(accountId, userId, cancellationToken))
        {
            SendError(ErrorCodesFor.Authorization, "The account is not yours.");
            return;
        }

        var subscription = _subscriptions.GetOrAdd(channel, _ => new Subscription(channel, null, null, message.AccountId));
        subscription.AccountId = message.AccountId ?? subscription.AccountId;
        lock (subscription.Gate)
        {
            subscription.Held = [];
        }

        try
        {
            var (current, missed) = await _services.Log.ReadAfterAsync(userId, channel, from);
            IReadOnlyList<object>? snapshot = missed is null
                ? await _services.Snapshots.GetUserChannelAsync(userId, channel, subscription.AccountId, cancellationToken)
                : null;
            lock (subscription.Gate)
            {
                SendControl(MessageTypes.Resumed, new
                {
                    channel,
                    fromSeq = from + 1,
                    toSeq = current,
                    replayed = missed?.Count ?? 0,
                    snapshot = missed is null,
                    resumeToken = $"{channel}.{current}",
                });
                subscription.LastQueued = Math.Max(subscription.LastQueued, from);
                if (missed is null)
                {
                    var body = Envelope.Open(MessageTypes.Snapshot, new { channel, reason = "replay_window_exceeded", lastSeq = current, items = snapshot }, _services.Time.GetUtcNow(), channel);
                    Enqueue(new Outbound(Envelope.Close(body, current), Critical: true, Replay: true));
                    subscription.LastQueued = current;
                }
                else
                {
                    foreach (var (seq, replayed) in missed)
                    {
                        if (MatchesAccount(subscription, replayed))
                        {
                            QueueUser(subscription, seq, replayed, replay: true);
                        }
                        else
                        {
                            subscription.LastQueued = Math.Max(subscription.LastQueued, seq);
                        }
                    }
                }

                foreach (var (seq, live) in subscription.Held!.OrderBy(h => h.Seq))
                {
                    QueueUser(subscription, seq, live, replay: true);
                }
            }
        }
        finally
        {
            lock (subscription.Gate)
            {
                subscription.Held = null;
            }
        }
    }

    private void ResumePublic(string channel, ClientMessage message)
    {
        var symbols = message.Symbols ?? [.. _subscriptions.Values.Where(s => s.Channel == channel && s.Symbol is not null).Select(s => s.Symbol!)];
        var counter = _subscriptions.Values.FirstOrDefault(s => s.Channel == channel)?.Counter ?? _control;
        var items = channel == RealtimeChannels.Prices ? _services.Snapshots.GetPrices(symbols) : [];
        SendControl(MessageTypes.Resumed, new { channel, snapshot = true });
        Enqueue(new Outbound(
            Envelope.Open(MessageTypes.Snapshot, new { channel, reason = "public_channel_has_no_replay", items }, _services.Time.GetUtcNow(), channel),
            counter));
    }

    /// <summary>Queues a user-channel message once: a seq at or below what was queued already is a duplicate.</summary>
    private void QueueUser(Subscription subscription, long seq, byte[] message, bool replay = false)
    {
        if (seq <= subscription.LastQueued)
        {
            return;
        }

        subscription.LastQueued = seq;
        Enqueue(new Outbound(message, Critical: true, Replay: replay));
    }

    private static bool MatchesAccount(Subscription subscription, byte[] message)
    {
        if (subscription.AccountId is not { } filter)
        {
            return true;
        }

        // Replayed messages carry their account in data.accountId (or data.order.accountId / data.position.accountId).
        var text = System.Text.Encoding.UTF8.GetString(message);
        return text.Contains(filter.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private void Enqueue(in Outbound message, bool wake = true)
    {
        switch (_queue.Enqueue(message, wake))
        {
            case EnqueueResult.Conflated:
                _services.Metrics.Conflated();
                break;
            case EnqueueResult.Dropped:
                _services.Metrics.Dropped();
                break;
            case EnqueueResult.Overflow:
                _services.Metrics.SlowConsumerClosed();
                Close(CloseCodes.SlowConsumer, "Slow consumer; reconnect and resume", discardPending: true);
                break;
        }
    }
}
