using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TradingPlatform.Bench.Realtime;

/// <summary>
/// One WebSocket client of the client process: connects to <c>/ws?token=…</c>, subscribes to price updates for the
/// symbols and, for every <c>price_update</c>, notes its tick's time (<c>data.timestamp</c>, set by the feed when it
/// published the tick, on the same machine clock) and the tick-to-client latency. Messages are read with a
/// <see cref="Utf8JsonReader"/> over the receive buffer: the clients share the cores with the server, and parsing
/// every message into a document would take CPU the server then lacks.
/// </summary>
internal sealed class PriceClient : IAsyncDisposable
{
    private static readonly byte[] PriceUpdate = "price_update"u8.ToArray();
    private readonly ClientWebSocket _socket = new();
    private readonly List<(long TickUtcTicks, double LatencyMs)> _received = new(capacity: 4_096);
    private readonly Lock _lock = new();
    private Task? _receiving;

    public string? Failure { get; private set; }

    public async Task ConnectAsync(Uri server, string token, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var scheme = server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        var address = new Uri($"{scheme}://{server.Authority}/ws?token={Uri.EscapeDataString(token)}");
        await _socket.ConnectAsync(address, cancellationToken);
        var subscribe = JsonSerializer.SerializeToUtf8Bytes(new { type = "subscribe", channel = "price_updates", symbols });
        await _socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[64 * 1024];
        // Until the subscription is acknowledged: `connected` first, then `subscribed` (or an error, which is fatal here).
        while (true)
        {
            var length = await ReceiveAsync(buffer, cancellationToken);
            if (length < 0)
            {
                throw new InvalidOperationException("The server closed the socket before subscribing.");
            }

            using var message = JsonDocument.Parse(buffer.AsMemory(0, length));
            var type = message.RootElement.GetProperty("type").GetString();
            if (type == "subscribed")
            {
                break;
            }

            if (type == "error")
            {
                throw new InvalidOperationException($"Subscribing failed: {Encoding.UTF8.GetString(buffer, 0, length)}");
            }
        }

        _receiving = Task.Run(() => ReceiveLoopAsync(buffer), CancellationToken.None);
    }

    /// <summary>The price updates of ticks stamped in [from, to): how many, and each one's latency.</summary>
    public int CountWindow(DateTimeOffset from, DateTimeOffset to, LatencyHistogram latencies)
    {
        lock (_lock)
        {
            var count = 0;
            foreach (var (tick, latency) in _received)
            {
                if (tick >= from.UtcTicks && tick < to.UtcTicks)
                {
                    count++;
                    latencies.Record(latency);
                }
            }

            return count;
        }
    }

    private async Task ReceiveLoopAsync(byte[] buffer)
    {
        try
        {
            while (await ReceiveAsync(buffer, CancellationToken.None) is var length and >= 0)
            {
                var receivedAt = DateTimeOffset.UtcNow;
                if (TryReadPriceTick(buffer.AsSpan(0, length), out var tick))
                {
                    lock (_lock)
                    {
                        _received.Add((tick.UtcTicks, (receivedAt - tick).TotalMilliseconds));
                    }
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException or InvalidOperationException or FormatException)
        {
            Failure = exception.Message;
        }
    }

    /// <summary>For a price_update, its <c>data.timestamp</c> (the tick's time); the envelope's own timestamp is at depth 1.</summary>
    private static bool TryReadPriceTick(ReadOnlySpan<byte> utf8, out DateTimeOffset tick)
    {
        tick = default;
        var reader = new Utf8JsonReader(utf8);
        var isPrice = false;
        var found = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 1 && reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isPrice = reader.ValueTextEquals(PriceUpdate);
                if (!isPrice)
                {
                    return false;
                }
            }
            else if (reader.CurrentDepth == 2 && reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                tick = reader.GetDateTimeOffset();
                found = true;
            }
        }

        return isPrice && found;
    }

    /// <summary>One whole message into <paramref name="buffer"/>: its length, or -1 when the server closed.</summary>
    private async Task<int> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return length;
            }

            if (length == buffer.Length)
            {
                throw new InvalidOperationException("A server message is larger than 64 KiB.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bench done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The server may already be going away; the socket is disposed either way.
            }
        }

        if (_receiving is not null)
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _socket.Dispose();
    }
}
