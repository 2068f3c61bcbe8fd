using System.Net;
using System.Net.Sockets;

namespace TradingPlatform.Bench.Auth;

/// <summary>
/// Answers 200 to everything, standing in for the AiService: the app model reports the Api running only once its
/// /health (which includes the "ai" check) is healthy, and this benchmark needs no AI.
/// </summary>
internal sealed class HealthyAiStub : IDisposable
{
    private readonly HttpListener _listener = new();

    public HealthyAiStub()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync("Healthy"u8.ToArray());
            context.Response.Close();
        }
    }
}
