using Aspire.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.LocalServers.Postgres;

/// <summary>
/// A PostgreSQL server run as a local process, with the connection string of Aspire's <c>PostgresServerResource</c>
/// (<c>Host=…;Port=…;Username=postgres;Password=…</c>), so a service cannot tell it from the container.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string UserName = "postgres";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, EndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The databases to create once the server is up.</summary>
    public List<LocalPostgresDatabaseResource> Databases { get; } = [];

    /// <summary>The cluster (PGDATA), inside the resource's data folder.</summary>
    public string ClusterDirectory => Path.Combine(WorkingDirectory, "data");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
