using Npgsql;

namespace TradingPlatform.Testing;

/// <summary>
/// A database of one test's own on the fixture's PostgreSQL server, dropped on dispose. For tests that change what the
/// shared <c>tradingdb</c> holds for every later test (e.g. replacing the knowledge base's stored sources, which makes
/// the next service started on <c>tradingdb</c> re-embed every shipped passage). Each service applies its own schema's
/// migrations at start, so the database needs nothing else.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, IReadOnlyDictionary<string, string?> configuration)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        Configuration = configuration;
    }

    public string Name { get; }

    /// <summary>The fixture's configuration with <c>ConnectionStrings:tradingdb</c> pointing at this database.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public static async Task<TestDatabase> CreateAsync(InfrastructureFixture infrastructure, string prefix)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var admin = new NpgsqlConnection(infrastructure.TradingDb))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var configuration = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["ConnectionStrings:tradingdb"] = new NpgsqlConnectionStringBuilder(infrastructure.TradingDb) { Database = name }.ConnectionString,
        };
        return new TestDatabase(infrastructure.TradingDb, name, configuration);
    }

    public async ValueTask DisposeAsync()
    {
        // Services started on the database may still hold pooled connections: FORCE ends them.
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
