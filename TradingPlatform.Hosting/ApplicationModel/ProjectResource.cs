namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A .NET project of this repository, run from its build output.</summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name), IResourceWithServiceDiscovery
{
    private readonly List<EndpointAnnotation> _endpoints = [];

    public string ProjectPath { get; } = projectPath;

    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;

    public IReadOnlyList<EndpointAnnotation> Endpoints => _endpoints;

    /// <summary>The environment the project runs in (its launch profile's, Development by default).</summary>
    public string EnvironmentName { get; internal set; } = "Development";

    internal EndpointAnnotation GetOrAddHttpEndpoint(int? port)
    {
        var existing = _endpoints.Find(e => e.Name == "http");
        if (existing is not null)
        {
            existing.Port = port ?? existing.Port;
            return existing;
        }

        var endpoint = new EndpointAnnotation("http", "http", port);
        _endpoints.Add(endpoint);
        return endpoint;
    }
}
