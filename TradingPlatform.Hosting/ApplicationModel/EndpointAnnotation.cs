namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. <see cref="Port"/> is what the model asks for (null = any free port);
/// <see cref="AllocatedPort"/> is what the orchestrator bound it to at start.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port)
{
    public string Name { get; } = name;
    public string Scheme { get; } = scheme;
    public int? Port { get; internal set; } = port;
    public bool IsExternal { get; internal set; }
    public int? AllocatedPort { get; internal set; }

    public Uri Url => AllocatedPort is int p
        ? new Uri($"{Scheme}://localhost:{p}")
        : throw new InvalidOperationException($"Endpoint '{Name}' has no port yet; the application has not started.");
}
