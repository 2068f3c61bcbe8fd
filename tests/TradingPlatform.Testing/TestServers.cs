using Aspire.Hosting.Testing;

namespace TradingPlatform.Testing;

/// <summary>The TestServers AppHost (PostgreSQL with tradingdb, Redis, RabbitMQ as local processes) for a data folder.</summary>
public static class TestServers
{
    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(
        string dataPath, IEnumerable<string>? extraArgs = null, CancellationToken cancellationToken = default) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.TradingPlatform_TestServers>(
            [$"--AppHost:DataPath={dataPath}", "--AppHost:DurableData=false", .. extraArgs ?? []], cancellationToken);
}
