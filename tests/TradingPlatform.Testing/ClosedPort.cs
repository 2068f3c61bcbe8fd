using System.Net;
using System.Net.Sockets;

namespace TradingPlatform.Testing;

/// <summary>A loopback port on which nothing listens, for "the server is down" tests.</summary>
public static class ClosedPort
{
    public static int Next()
    {
        // Let the OS pick a free port, then release it: connecting to it is refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Connection strings, in the AppHost's form, that point each dependency at a closed port.</summary>
    public static string ConnectionStringFor(string connectionName) => connectionName switch
    {
        "tradingdb" => $"Host=127.0.0.1;Port={Next()};Username=postgres;Password=unused;Database=tradingdb",
        "cache" => $"127.0.0.1:{Next()},password=unused",
        "messaging" => $"amqp://guest:unused@127.0.0.1:{Next()}",
        _ => throw new ArgumentOutOfRangeException(nameof(connectionName), connectionName, "Not a dependency of the services."),
    };
}
