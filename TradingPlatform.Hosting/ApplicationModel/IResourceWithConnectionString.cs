namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A resource that other resources reach through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string, or null while it cannot be known yet (ports are chosen at start).</summary>
    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default);

    /// <summary>The name under <c>ConnectionStrings</c> that this resource is injected as.</summary>
    string ConnectionStringName => Name;
}
