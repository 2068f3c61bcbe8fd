namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>
/// Infrastructure that runs as a local server process on loopback (or is external when its connection string is
/// configured). <see cref="Port"/> is the requested port, null meaning any free port.
/// </summary>
public abstract class ServerResource(string name, int? port) : Resource(name)
{
    public int? Port { get; } = port;

    public int? AllocatedPort { get; internal set; }

    /// <summary>Set when <c>ConnectionStrings:{name}</c> is configured: use that server and start nothing.</summary>
    public string? ExternalConnectionString { get; internal set; }

    public bool IsExternal => ExternalConnectionString is not null;
}
