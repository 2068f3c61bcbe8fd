using Microsoft.Extensions.Hosting;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>
/// A missing connection string fails start-up naming the key. Aspire's clients alone would find out late: the DbContext
/// on first use, Redis on the first resolution of the multiplexer, RabbitMQ never (it falls back to localhost:5672); the
/// check of the connection, which every service adds beside its client, fails at once.
/// </summary>
public sealed class MissingConnectionStringTests
{
    public static TheoryData<string, Action<IHostApplicationBuilder, string>> Integrations => new()
    {
        { "tradingdb", (builder, name) => ServiceClients.AddDatabase<ProbeDbContext>(builder, name) },
        { "cache", ServiceClients.AddCache },
        { "messaging", ServiceClients.AddMessaging },
    };

    [Theory]
    [MemberData(nameof(Integrations))]
    public void A_missing_connection_string_fails_at_startup_naming_the_key(string name, Action<IHostApplicationBuilder, string> add)
    {
        // Empty rather than absent, so that a variable in the test process's environment cannot satisfy it.
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { [$"ConnectionStrings:{name}"] = "" });

        var exception = Assert.Throws<InvalidOperationException>(() => add(builder, name));

        Assert.Contains($"'ConnectionStrings:{name}'", exception.Message, StringComparison.Ordinal);
    }
}
