using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Testing;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.Tests;

/// <summary>A configured connection string: use that server, start nothing, and show its health honestly.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ExternalResourceTests(InfrastructureFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_wrong_external_connection_string_shows_the_resource_unhealthy_with_the_reason_instead_of_crashing()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["ConnectionStrings:cache"] = "127.0.0.1:1,password=wrong,connectTimeout=500";
        builder.AddRedis("cache");
        await using var app = builder.Build();
        await app.StartAsync();

        var snapshot = await app.ResourceNotifications
            .WaitForResourceAsync("cache", s => s.Health == HealthStatus.Unhealthy).WaitAsync(Timeout);

        Assert.Equal(ResourceState.Running, snapshot.State);
        Assert.True(snapshot.IsExternal);
        Assert.Null(snapshot.ProcessId);
        Assert.False(string.IsNullOrWhiteSpace(snapshot.HealthReason));
        Assert.False(Directory.Exists(Path.Combine(app.Services.GetExecutionContext().DataPath, "cache")));
    }

    [Fact]
    public async Task External_servers_are_used_as_given_and_reported_healthy()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["ConnectionStrings:tradingdb"] = fixture.TradingDb;
        builder.Configuration["ConnectionStrings:messaging"] = fixture.Messaging;
        builder.AddPostgres("postgres").AddDatabase("tradingdb");
        builder.AddRabbitMQ("messaging");
        await using var app = builder.Build();
        await app.StartAsync();

        foreach (var name in new[] { "postgres", "tradingdb", "messaging" })
        {
            var snapshot = await app.ResourceNotifications.WaitForResourceHealthyAsync(name).WaitAsync(Timeout);
            Assert.True(snapshot.IsExternal, $"{name} must be external");
            Assert.Null(snapshot.ProcessId);
        }

        Assert.Equal(fixture.TradingDb, await app.GetConnectionStringAsync("tradingdb"));
        Assert.Empty(ProcFs.FindByCommandLine(app.Services.GetExecutionContext().DataPath));
    }
}
