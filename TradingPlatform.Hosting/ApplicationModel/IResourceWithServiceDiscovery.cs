namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A resource with HTTP endpoints that references inject as <c>services__{name}__http__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResource
{
    IReadOnlyList<EndpointAnnotation> Endpoints { get; }
}
