using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TradingPlatform.Bench.Realtime;

/// <summary>
/// One WebSocket client: connects to <c>/ws?token=…</c>, subscribes to price updates for the symbols, and records the
/// tick-to-client latency of every <c>price_update</c> received while <see cref="Measuring"/> is set.
/// </summary>
internal sealed class PriceClient(TickLedger ledger) : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private Task? _receiving;

    public static volatile bool Measuring;

    public List<double> LatenciesMs { get; } = new(capacity: 16_384);

    public long Received { get; private set; }

    public long Unmatched { get; private set; }

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
            var text = await ReceiveTextAsync(buffer, cancellationToken) ?? throw new InvalidOperationException("The server closed the socket before subscribing.");
            using var message = JsonDocument.Parse(text);
            var type = message.RootElement.GetProperty("type").GetString();
            if (type == "subscribed")
            {
                break;
            }

            if (type == "error")
            {
                throw new InvalidOperationException($"Subscribing failed: {text}");
            }
        }

        _receiving = Task.Run(() => ReceiveLoopAsync(buffer), CancellationToken.None);
    }

    private async Task ReceiveLoopAsync(byte[] buffer)
    {
        try
        {
            while (await ReceiveTextAsync(buffer, CancellationToken.None) is { } text)
            {
                var receivedAt = Stopwatch.GetTimestamp();
                if (!Measuring)
                {
                    continue;
                }

                using var message = JsonDocument.Parse(text);
                var root = message.RootElement;
                if (root.GetProperty("type").GetString() != "price_update")
                {
                    continue;
                }

                Received++;
                var data = root.GetProperty("data");
                if (ledger.TryLatencyMs(data.GetProperty("symbol").GetString()!, data.GetProperty("bid").GetDecimal(), receivedAt, out var latency))
                {
                    LatenciesMs.Add(latency);
                }
                else
                {
                    Unmatched++;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException or InvalidOperationException)
        {
            Failure = exception.Message;
        }
    }

    private async Task<string?> ReceiveTextAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
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
