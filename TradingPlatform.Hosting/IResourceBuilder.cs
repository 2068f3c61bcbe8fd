using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

/// <summary>Fluent access to one resource of the model (Aspire's <c>IResourceBuilder&lt;T&gt;</c>).</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}
