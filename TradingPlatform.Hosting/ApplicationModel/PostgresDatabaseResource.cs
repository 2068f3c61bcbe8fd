using Npgsql;

namespace TradingPlatform.Hosting.ApplicationModel;

/// <summary>A database on a <see cref="PostgresServerResource"/>, created when the server is ready.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    IResource IResourceWithParent.Parent => Server;

    /// <summary>Set when <c>ConnectionStrings:{name}</c> is configured: the database is external and nothing is started.</summary>
    public string? ExternalConnectionString { get; internal set; }

    public async ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        if (ExternalConnectionString is not null)
        {
            return ExternalConnectionString;
        }

        var server = await Server.GetConnectionStringAsync(cancellationToken);
        return server is null ? null : new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
    }
}
