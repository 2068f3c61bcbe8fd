using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>
/// One client socket: a receive loop (parses, rate-limits and answers client messages) and a send loop (the only writer
/// of the socket, fed by a bounded <see cref="SendQueue"/>). Every close goes through the queue so that the close frame
/// is the last thing written. The auth deadline and the token's expiry are timers on the injected clock. Everything the
/// connection owns (timers, subscriptions, queue, registry entry) ends with <see cref="RunAsync"/>.
/// </summary>
internal sealed partial class RealtimeConnection : IDisposable
{
    // After our close frame, how long the client has to answer it before the socket is aborted. Real time on purpose:
    // it bounds a network wait, and a fake clock that never advances must not keep sockets (and tests) hanging.
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly RealtimeServices _services;
    private readonly RealtimeOptions _options;
    private readonly SendQueue _queue;
    private readonly SeqCounter _control = new();
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _receiveCancellation = new();
    private readonly EndpointKind _kind;
    private readonly Guid? _routeAccountId;
    private readonly TokenBucket _bucket;
    private ITimer? _authDeadline;
    private ITimer? _expiry;
    private int _strikes;

    public RealtimeConnection(WebSocket socket, RealtimeServices services, EndpointKind kind, Guid? routeAccountId)
    {
        _socket = socket;
        _services = services;
        _options = services.Options.Value;
        _queue = new SendQueue(_options.SendQueueCapacity);
        _kind = kind;
        _routeAccountId = routeAccountId;
        _bucket = new TokenBucket(_options.RateLimitBurst, _options.RateLimitPerSecond, services.Time);
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>The authenticated user; null until the first valid token.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The subscription keys, for tests and diagnostics.</summary>
    public ICollection<string> SubscriptionKeys => _subscriptions.Keys;

    /// <summary>
    /// Holds the send loop while closed. TestServer's in-memory sockets never push back, so tests close this gate to
    /// play a client that stopped reading; in production it stays open.
    /// </summary>
    internal SendGate Gate { get; } = new();

    /// <summary>Messages waiting to be sent (for tests of back-pressure).</summary>
    internal int QueuedCount => _queue.Count;

    /// <summary>Whether the send loop waits on a write (or the gate), so that ticks conflate (for tests).</summary>
    internal bool IsStalled => _queue.IsStalled;

    /// <summary>The body of the next queued message (for tests that check a fanned-out body is one shared array).</summary>
    internal byte[]? PeekQueuedBody() => _queue.TryPeek(out var message) ? message.Body : null;

    /// <summary>Whether a close has been queued.</summary>
    internal bool IsClosing => _queue.IsClosed;

    public async Task RunAsync(string? queryToken, CancellationToken aborted)
    {
        _services.Registry.Add(this);
        _services.Metrics.Opened();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _receiveCancellation.Token);
        using var sendCancellation = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var sendLoop = SendLoopAsync(sendCancellation.Token);
        try
        {
            _authDeadline = _services.Time.CreateTimer(
                _ => { if (UserId is null) { Close(CloseCodes.Unauthenticated, "Authentication timed out"); } },
                null, _options.AuthTimeout, Timeout.InfiniteTimeSpan);
            SendControl(MessageTypes.Connected, new
            {
                connectionId = Id,
                server = new { name = "TradingPlatform.Api", version = ServiceInfo.CurrentVersion, protocol = 1 },
                authenticated = false,
                authTimeoutSeconds = (int)_options.AuthTimeout.TotalSeconds,
                maxMessageBytes = _options.MaxMessageBytes,
                channels = RealtimeChannels.All,
            });
            if (queryToken is not null)
            {
                await AuthenticateAsync(queryToken, linked.Token);
            }

            await ReceiveLoopAsync(linked.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or the close handshake timed out: nothing more to say to it.
        }
        finally
        {
            _authDeadline?.Dispose();
            _expiry?.Dispose();
            _queue.Close(1000, "");
            try
            {
                await sendLoop.WaitAsync(CloseHandshakeGrace, TimeProvider.System, CancellationToken.None);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException or WebSocketException)
            {
            }

            await sendCancellation.CancelAsync();
            foreach (var (key, subscription) in _subscriptions)
            {
                if (!subscription.IsUser)
                {
                    _services.Index.Remove(key, this);
                }
            }

            _subscriptions.Clear();
            _services.Registry.Remove(this);
            _services.Metrics.Closed();
        }
    }

    public void Dispose()
    {
        _receiveCancellation.Dispose();
        _queue.Dispose();
    }

    /// <summary>Closes the socket with <paramref name="code"/> after what is being written; safe from any thread or timer.</summary>
    public void Close(int code, string reason, bool discardPending = false)
    {
        if (_queue.Close(code, reason, discardPending))
        {
            // Whatever the client does, the socket is gone within two graces: the close frame waits for the send loop,
            // and the receive loop for the client's answer.
            _receiveCancellation.CancelAfter(CloseHandshakeGrace * 2);
            _services.Logger.LogDebug("Closing WebSocket {ConnectionId} with {Code}: {Reason}", Id, code, reason);
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        // A public message's shared body and this subscription's seq tail are copied into one buffer per connection
        // and sent as one frame: one socket write per message (two frames doubled the writes, which were most of the
        // fan-out's cost), and nothing allocated per message once the buffer has grown to the largest body.
        var frame = new byte[1024];
        try
        {
            while (true)
            {
                if (!_queue.TryDequeue(out var message))
                {
                    await _queue.WaitAsync(cancellationToken);
                    continue;
                }

                if (message.CloseCode is { } code)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync((WebSocketCloseStatus)code, message.CloseReason, cancellationToken);
                    }

                    _receiveCancellation.CancelAfter(CloseHandshakeGrace);
                    return;
                }

                var gate = Gate.WaitAsync(cancellationToken);
                if (!gate.IsCompleted)
                {
                    MarkStalled();
                    await gate;
                    _queue.MarkFlowing();
                }

                if (message.Counter is { } counter)
                {
                    var needed = message.Body.Length + Envelope.MaxSeqTailBytes;
                    if (frame.Length < needed)
                    {
                        frame = new byte[Math.Max(needed, frame.Length * 2)];
                    }

                    message.Body.CopyTo(frame, 0);
                    var length = message.Body.Length + Envelope.WriteSeqTail(frame.AsSpan(message.Body.Length), counter.Next());
                    await WriteAsync(frame.AsMemory(0, length), endOfMessage: true);
                }
                else
                {
                    await WriteAsync(message.Body, endOfMessage: true);
                }

                _services.Metrics.Sent();
                if (message.ReceivedAt != 0)
                {
                    _services.Metrics.SendCompleted(Stopwatch.GetElapsedTime(message.ReceivedAt));
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The socket is gone (a write stuck on a client that stopped reading ends when the socket is disposed);
            // stop the receive loop too.
            await _receiveCancellation.CancelAsync();
        }
    }

    /// <summary>
    /// One socket write. A write that does not complete at once means the socket pushes back (the client reads slower
    /// than we send): the queue conflates ticks until it completes. No cancellation token: with one, ManagedWebSocket
    /// takes its slower path (an async semaphore wait and a token registration per frame; the profile showed it), and a
    /// write that never completes ends anyway when the connection's socket is disposed after the close grace.
    /// </summary>
    private async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, bool endOfMessage)
    {
        var write = _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage, CancellationToken.None);
        if (write.IsCompleted)
        {
            write.GetAwaiter().GetResult();
            return;
        }

        MarkStalled();
        try
        {
            await write;
        }
        finally
        {
            _queue.MarkFlowing();
        }
    }

    private void MarkStalled()
    {
        var folded = _queue.MarkStalled();
        for (var i = 0; i < folded; i++)
        {
            _services.Metrics.Conflated();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (!cancellationToken.IsCancellationRequested)
        {
            message.SetLength(0);
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Close(1000, "");
                    return;
                }

                if (_queue.IsClosed)
                {
                    // We closed: read (and drop) until the client answers with its close frame, so that it gets
                    // ours before the connection ends; Close() bounds how long that may take.
                    continue;
                }

                if (message.Length + result.Count > _options.MaxMessageBytes)
                {
                    Close(CloseCodes.MessageTooBig, $"Messages are limited to {_options.MaxMessageBytes} bytes");
                    continue;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (_queue.IsClosed)
            {
                continue;
            }

            if (!_bucket.TryTake())
            {
                if (++_strikes >= _options.RateLimitStrikes)
                {
                    Close(CloseCodes.PolicyViolation, "Rate limit exceeded");
                    continue;
                }

                SendError(ErrorCodesFor.RateLimit, "Too many messages; slow down.");
                continue;
            }

            _strikes = 0;
            await HandleAsync(message.GetBuffer().AsMemory(0, (int)message.Length), cancellationToken);
        }
    }
}
