namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A Redis server with a password, on loopback.</summary>
public sealed class RedisResource(string name, ParameterResource password, int? port)
    : ServerResource(name, port), IResourceWithConnectionString
{
    public ParameterResource Password { get; } = password;

    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ExternalConnectionString ?? (AllocatedPort is int p
            ? $"127.0.0.1:{p},password={Password.Value}"
            : null));
}
