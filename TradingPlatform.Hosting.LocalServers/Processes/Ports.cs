using System.Net;
using System.Net.Sockets;

namespace TradingPlatform.Hosting.LocalServers.Processes;

/// <summary>Free loopback ports, and whether a fixed one is taken.</summary>
internal static class Ports
{
    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
