using Microsoft.Extensions.Hosting;

namespace TradingPlatform.ServiceDefaults.Tests;

public sealed class MissingConnectionStringTests
{
    public static TheoryData<string, Action<IHostApplicationBuilder, string>> Integrations => new()
    {
        { "tradingdb", (builder, name) => builder.AddNpgsqlDbContext<ProbeDbContext>(name) },
        { "cache", (builder, name) => builder.AddRedisClient(name) },
        { "messaging", (builder, name) => builder.AddRabbitMQClient(name) },
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
