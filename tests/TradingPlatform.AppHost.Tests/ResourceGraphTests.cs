using TradingPlatform.Hosting.LocalServers.Postgres;
using TradingPlatform.Hosting.LocalServers.RabbitMQ;
using TradingPlatform.Hosting.LocalServers.Redis;

namespace TradingPlatform.AppHost.Tests;

/// <summary>One graph, three ways: local server processes, Aspire's containers, or external servers; same names.</summary>
public sealed class ResourceGraphTests : IDisposable
{
    private readonly string _dataPath = TestDataFolders.Create();

    [Fact]
    public async Task Without_a_container_runtime_the_servers_are_local_processes_under_the_same_names()
    {
        var builder = await AppHostFixture.CreateBuilderAsync(_dataPath);

        Assert.IsType<LocalPostgresServerResource>(Find(builder, "postgres"));
        Assert.IsType<LocalPostgresDatabaseResource>(Find(builder, "tradingdb"));
        Assert.IsType<LocalRedisResource>(Find(builder, "cache"));
        Assert.IsType<LocalRabbitMQServerResource>(Find(builder, "messaging"));
        Assert.IsType<ErlangPortMapperResource>(Find(builder, "messaging-epmd"));
        Assert.DoesNotContain(builder.Resources, r => r is ContainerResource);
    }

    [Fact]
    public async Task With_containers_the_servers_are_Aspire_containers_with_data_volumes()
    {
        var builder = await AppHostFixture.CreateBuilderAsync(_dataPath, "--AppHost:Infrastructure=containers");

        foreach (var name in new[] { "postgres", "cache", "messaging" })
        {
            var container = Assert.IsAssignableFrom<ContainerResource>(Find(builder, name));
            Assert.Contains(container.Annotations.OfType<ContainerMountAnnotation>(), m => m.Type == ContainerMountType.Volume);
        }

        Assert.IsType<PostgresDatabaseResource>(Find(builder, "tradingdb"));
        Assert.DoesNotContain(builder.Resources, r => r.Name == "messaging-epmd");
    }

    [Fact]
    public async Task A_configured_connection_string_means_an_external_server_and_nothing_of_that_kind_is_started()
    {
        var builder = await AppHostFixture.CreateBuilderAsync(_dataPath, "--ConnectionStrings:cache=redis.example:6379,password=x");

        // What AddConnectionString gives: a parameter that is a connection string, with nothing to start.
        var cache = Find(builder, "cache");
        Assert.True(cache is ParameterResource and IResourceWithConnectionString, cache.GetType().Name);
        Assert.DoesNotContain(builder.Resources, r => r is LocalRedisResource or RedisResource);
        Assert.IsType<LocalPostgresServerResource>(Find(builder, "postgres"));
    }

    [Fact]
    public async Task An_unknown_infrastructure_mode_is_a_clear_error()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppHostFixture.CreateBuilderAsync(_dataPath, "--AppHost:Infrastructure=kubernetes"));
        var message = error is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner.Message : error.Message;
        Assert.Contains("AppHost:Infrastructure: 'kubernetes' is not a mode; use auto (the default), containers or local", message, StringComparison.Ordinal);
    }

    private static IResource Find(IDistributedApplicationTestingBuilder builder, string name) =>
        Assert.Single(builder.Resources, r => r.Name == name);

    public void Dispose() => TestDataFolders.Delete(_dataPath);
}
