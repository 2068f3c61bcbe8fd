using StackExchange.Redis;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>Client messages: auth, subscribe, unsubscribe, ping, resume. A bad message is answered with an error, never a close.</summary>
internal sealed partial class RealtimeConnection
{
    private async Task HandleAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        var message = ClientMessageParser.Parse(utf8.Span, out var problem);
        if (message is null)
        {
            SendError(ErrorCodesFor.Validation, problem!);
            return;
        }

        try
        {
            switch (message.Type)
            {
                case "auth":
                    if (message.Token is not { Length: > 0 } token)
                    {
                        SendError(ErrorCodesFor.Validation, "auth needs a token.");
                        return;
                    }

                    await AuthenticateAsync(token, cancellationToken);
                    return;
                case "ping":
                    SendControl(MessageTypes.Pong, new { requestId = message.RequestId, serverTime = _services.Time.GetUtcNow() });
                    return;
                case "subscribe" or "unsubscribe" or "resume" when UserId is null:
                    SendError(ErrorCodesFor.Authentication, "Authenticate first: send {\"type\":\"auth\",\"token\":…}.");
                    return;
                case "subscribe":
                    await SubscribeAsync(message, cancellationToken);
                    return;
                case "unsubscribe":
                    Unsubscribe(message);
                    return;
                case "resume":
                    await ResumeAsync(message, cancellationToken);
                    return;
                default:
                    SendError(ErrorCodesFor.Validation, $"Unknown message type '{message.Type}'; use auth, subscribe, unsubscribe, ping or resume.");
                    return;
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or Npgsql.NpgsqlException)
        {
            // A dependency outage fails this request, not the socket.
            _services.Logger.LogWarning(exception, "WebSocket {ConnectionId}: {Type} failed", Id, message.Type);
            SendError(ErrorCodesFor.Unavailable, "A dependency is unavailable; try again.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug answering one message must not take the client's socket (and its subscriptions) down with it.
            _services.Logger.LogError(exception, "WebSocket {ConnectionId}: {Type} failed", Id, message.Type);
            SendError(ErrorCodesFor.Internal, "The message could not be handled.");
        }
    }

    private async Task AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var result = await _services.Authenticator.AuthenticateAsync(token, cancellationToken);
        if (!result.Succeeded)
        {
            SendError(ErrorCodesFor.Authentication, result.Failure!);
            if (UserId is null)
            {
                Close(CloseCodes.Unauthenticated, result.Failure!);
            }

            // A refused refresh leaves the socket on its current token, which still expires when it would have.
            return;
        }

        if (UserId is { } current && current != result.UserId)
        {
            SendError(ErrorCodesFor.Authorization, "A connection cannot change users; open a new one.");
            return;
        }

        var first = UserId is null;
        UserId = result.UserId;
        var due = result.ClosesAt - _services.Time.GetUtcNow();
        _expiry ??= _services.Time.CreateTimer(_ => Close(CloseCodes.Unauthenticated, "The access token expired"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _expiry.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        SendControl(MessageTypes.Authenticated, new { userId = result.UserId, expiresAt = result.ClosesAt });
        if (first)
        {
            await SubscribeForEndpointAsync(result.UserId, cancellationToken);
        }
    }

    private async Task SubscribeForEndpointAsync(Guid userId, CancellationToken cancellationToken)
    {
        switch (_kind)
        {
            case EndpointKind.Account:
                if (!await _services.Ownership.IsOwnedAsync(_routeAccountId!.Value, userId, cancellationToken))
                {
                    // Another user's account and an unknown one look the same: nothing about it is revealed.
                    SendError(ErrorCodesFor.Authorization, "The account is not yours.");
                    Close(CloseCodes.Forbidden, "The account is not yours");
                    return;
                }

                foreach (var channel in new[] { RealtimeChannels.Orders, RealtimeChannels.Positions, RealtimeChannels.Portfolio })
                {
                    await SubscribeUserAsync(userId, channel, _routeAccountId);
                }

                return;
            case EndpointKind.Monitor:
                SubscribePublic(RealtimeChannels.Signals, null, null);
                await SubscribeSystemAsync(cancellationToken);
                return;
            default:
                return;
        }
    }

    private async Task SubscribeAsync(ClientMessage message, CancellationToken cancellationToken)
    {
        var channel = message.Channel;
        if (channel is null || !RealtimeChannels.All.Contains(channel))
        {
            SendError(ErrorCodesFor.Validation, $"Unknown channel '{channel}'; use one of {string.Join(", ", RealtimeChannels.All)}.");
            return;
        }

        if (RealtimeChannels.IsUser(channel))
        {
            if (message.AccountId is { } accountId && !await _services.Ownership.IsOwnedAsync(accountId, UserId!.Value, cancellationToken))
            {
                SendError(ErrorCodesFor.Authorization, "The account is not yours.");
                return;
            }

            await SubscribeUserAsync(UserId!.Value, channel, message.AccountId);
            return;
        }

        if (!RealtimeChannels.IsPerSymbol(channel))
        {
            if (channel == RealtimeChannels.System)
            {
                await SubscribeSystemAsync(cancellationToken);
            }
            else
            {
                SubscribePublic(channel, null, null);
            }

            return;
        }

        if (!TryReadSymbols(message, out var symbols, out var interval))
        {
            return;
        }

        foreach (var symbol in symbols)
        {
            AddPublic(channel, symbol, interval);
        }

        SendControl(MessageTypes.Subscribed, new { channel, symbols, interval });
    }

    private bool TryReadSymbols(ClientMessage message, out List<string> symbols, out string? interval)
    {
        symbols = [];
        interval = null;
        if (message.Symbols is not { Count: > 0 } requested)
        {
            SendError(ErrorCodesFor.Validation, $"{message.Channel} needs symbols.");
            return false;
        }

        if (message.Channel == RealtimeChannels.Candles)
        {
            interval = message.Interval ?? CandleInterval.OneMinute.Code;
            if (!CandleInterval.TryParse(interval, out _))
            {
                SendError(ErrorCodesFor.Validation, $"Unknown interval '{interval}'; use one of {CandleInterval.Codes}.");
                return false;
            }
        }

        foreach (var requestedSymbol in requested)
        {
            if (_services.Instruments.Find(requestedSymbol) is not { } instrument)
            {
                SendError(ErrorCodesFor.Validation, $"Unknown symbol '{requestedSymbol}'.");
                return false;
            }

            symbols.Add(instrument.Symbol.ToUpperInvariant());
        }

        return true;
    }

    private async Task SubscribeUserAsync(Guid userId, string channel, Guid? accountId)
    {
        var subscription = _subscriptions.GetOrAdd(channel, _ => new Subscription(channel, null, null, accountId));
        subscription.AccountId = accountId;
        var lastSeq = await _services.Log.CurrentAsync(userId, channel);
        SendControl(MessageTypes.Subscribed, new { channel, accountId, lastSeq, resumeToken = $"{channel}.{lastSeq}" });
    }

    private void SubscribePublic(string channel, string? symbol, string? interval)
    {
        AddPublic(channel, symbol, interval);
        SendControl(MessageTypes.Subscribed, new { channel });
    }

    /// <summary>A public subscription, also entered in the replica's index that the fan-out walks.</summary>
    private void AddPublic(string channel, string? symbol, string? interval)
    {
        var key = Subscription.Key(channel, symbol, interval);
        var subscription = new Subscription(channel, symbol, interval, null);
        if (_subscriptions.TryAdd(key, subscription))
        {
            _services.Index.Add(key, new Subscriber(this, subscription));
        }
    }

    private async Task SubscribeSystemAsync(CancellationToken cancellationToken)
    {
        SubscribePublic(RealtimeChannels.System, null, null);
        if (_subscriptions.TryGetValue(RealtimeChannels.System, out var subscription))
        {
            // Seed 003's monitor shows the status at once, not after the first period.
            var status = await _services.Status.GetAsync(cancellationToken);
            Enqueue(new Outbound(Envelope.Open(MessageTypes.SystemStatus, status, _services.Time.GetUtcNow(), RealtimeChannels.System), subscription.Counter));
        }
    }

    private void Unsubscribe(ClientMessage message)
    {
        var channel = message.Channel;
        if (channel is null || !RealtimeChannels.All.Contains(channel))
        {
            SendError(ErrorCodesFor.Validation, $"Unknown channel '{channel}'.");
            return;
        }

        var removed = 0;
        foreach (var key in _subscriptions.Keys)
        {
            if (_subscriptions.TryGetValue(key, out var subscription) && subscription.Channel == channel
                && (message.Symbols is null || (subscription.Symbol is { } symbol && message.Symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase)))
                && (message.Interval is null || subscription.Interval == message.Interval)
                && _subscriptions.TryRemove(key, out _))
            {
                if (!subscription.IsUser)
                {
                    _services.Index.Remove(key, this);
                }

                removed++;
            }
        }

        SendControl(MessageTypes.Unsubscribed, new { channel, symbols = message.Symbols, removed });
    }

    private void SendControl(string type, object data) =>
        Enqueue(new Outbound(Envelope.Open(type, data, _services.Time.GetUtcNow(), null), _control));

    private void SendError(string code, string message) => SendControl(MessageTypes.Error, new ErrorData(code, message));
}
