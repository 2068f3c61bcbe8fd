namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server: a local process from Debian's packages, or an external server.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password, int? port)
    : ServerResource(name, port), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;

    public IList<PostgresDatabaseResource> Databases { get; } = [];

    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ExternalConnectionString ?? (AllocatedPort is int p
            ? $"Host=127.0.0.1;Port={p};Username={UserName};Password={Password.Value}"
            : null));
}
