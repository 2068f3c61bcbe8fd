using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>Where the resource API listens (a free loopback port) and its bearer key, both new every run.</summary>
internal sealed record ResourceApiSettings(Uri Url, string Key)
{
    public static ResourceApiSettings CreateForThisRun()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return new ResourceApiSettings(new Uri($"http://127.0.0.1:{port}"), RandomNumberGenerator.GetHexString(64, lowercase: true));
    }
}
