using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>
/// A test client of the WebSocket protocol over TestServer. Every wait is for a message or a close, bounded by a
/// timeout; nothing sleeps. Messages skipped while waiting for a particular one are kept in <see cref="Seen"/>.
/// </summary>
public sealed class RealtimeSocket : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly WebSocket _socket;

    private RealtimeSocket(WebSocket socket) => _socket = socket;

    public List<JsonElement> Seen { get; } = [];

    public WebSocketState State => _socket.State;

    public static async Task<RealtimeSocket> ConnectAsync(ApiFactory factory, string path = "/ws", string? token = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var uri = new UriBuilder(factory.Server.BaseAddress) { Scheme = "ws", Path = path, Query = token is null ? "" : $"token={token}" }.Uri;
        var socket = await factory.Server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
        return new RealtimeSocket(socket);
    }

    /// <summary>Connects, waits for <c>connected</c>, authenticates by message and waits for <c>authenticated</c>.</summary>
    public static async Task<RealtimeSocket> ConnectAuthenticatedAsync(ApiFactory factory, string token, string path = "/ws")
    {
        var socket = await ConnectAsync(factory, path);
        await socket.WaitForAsync("connected");
        await socket.SendAsync(new { type = "auth", token });
        await socket.WaitForAsync("authenticated");
        return socket;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task SendBytesAsync(byte[] bytes) => await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message; throws if the socket closes or nothing comes in time.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        var (message, close) = await ReadAsync(timeout ?? DefaultTimeout);
        return message ?? throw new InvalidOperationException($"The socket closed with {close} instead of sending a message.");
    }

    /// <summary>Reads until a message of <paramref name="type"/> (matching <paramref name="where"/>) arrives.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool>? where = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var message = await ReceiveAsync(timeout);
            if (message.GetProperty("type").GetString() == type && (where is null || where(message)))
            {
                return message;
            }

            Seen.Add(message);
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"No {type} message arrived in time.");
            }
        }
    }

    /// <summary>Reads (discarding messages) until the server closes; answers the close code.</summary>
    public async Task<int> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (message, close) = await ReadAsync(timeout ?? DefaultTimeout);
            if (message is null)
            {
                return close!.Value;
            }

            Seen.Add(message.Value);
        }
    }

    public async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    /// <summary>Drops the connection without a close handshake, as a crashed client would.</summary>
    public ValueTask AbortAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or IOException)
        {
            // The server closed first; there is nothing to close politely.
        }

        _socket.Dispose();
    }

    /// <summary>The raw UTF-8 bytes of the next message of <paramref name="type"/> (others are kept in <see cref="Seen"/>).</summary>
    public async Task<byte[]> WaitForRawAsync(string type, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var (raw, close) = await ReadRawAsync(timeout ?? DefaultTimeout);
            if (raw is null)
            {
                throw new InvalidOperationException($"The socket closed with {close} instead of sending a message.");
            }

            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.GetProperty("type").GetString() == type)
            {
                return raw;
            }

            Seen.Add(document.RootElement.Clone());
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"No {type} message arrived in time.");
            }
        }
    }

    private async Task<(JsonElement? Message, int? Close)> ReadAsync(TimeSpan timeout)
    {
        var (raw, close) = await ReadRawAsync(timeout);
        if (raw is null)
        {
            return (null, close);
        }

        using var document = JsonDocument.Parse(raw);
        return (document.RootElement.Clone(), null);
    }

    /// <summary>One whole message, however many frames it came in; null and the close code when the server closed.</summary>
    private async Task<(byte[]? Message, int? Close)> ReadRawAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var stream = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellation.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                }

                return (null, (int?)result.CloseStatus ?? 1005);
            }

            stream.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (stream.ToArray(), null);
    }
}
