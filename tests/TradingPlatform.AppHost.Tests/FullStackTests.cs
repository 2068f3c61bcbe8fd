using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.AppHost.Tests;

/// <summary>The whole stack of the AppHost's Program, through the test harness.</summary>
[Collection(AppHostCollection.Name)]
public sealed class FullStackTests(AppHostFixture fixture)
{
    public static TheoryData<string, string[]> ServiceDependencies => new()
    {
        { "api", ["tradingdb", "cache", "messaging", "ai"] },
        { "ai", ["tradingdb", "cache", "messaging"] },
        { "worker", ["tradingdb", "cache", "messaging"] },
    };

    [Fact]
    public void Every_resource_is_running_and_healthy()
    {
        foreach (var name in AppHostFixture.AllResources)
        {
            var snapshot = fixture.App.ResourceNotifications.Get(name);
            Assert.NotNull(snapshot);
            Assert.Equal(ResourceState.Running, snapshot.State);
            Assert.Equal(HealthStatus.Healthy, snapshot.Health);
            Assert.False(snapshot.IsExternal);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceDependencies))]
    public async Task Every_dependency_check_of_every_service_reports_healthy(string service, string[] dependencies)
    {
        using var client = fixture.App.CreateHttpClient(service);
        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        foreach (var dependency in dependencies)
        {
            var check = Assert.Single(report.Checks, c => c.Name == dependency);
            Assert.Equal("Healthy", check.Status);
            Assert.Contains("ready", check.Tags);
        }

        Assert.All(report.Checks, c => Assert.Equal("Healthy", c.Status));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("ai")]
    [InlineData("worker")]
    public async Task Every_service_answers_alive(string service)
    {
        using var client = fixture.App.CreateHttpClient(service);
        using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_database_was_created_and_answers_with_its_connection_string()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("tradingdb");
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("tradingdb", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Each_resource_has_its_output_captured_under_its_name()
    {
        Assert.Contains(fixture.App.ResourceLogs.GetLines("postgres"), l => l.Contains("ready to accept connections", StringComparison.Ordinal));
        Assert.Contains(fixture.App.ResourceLogs.GetLines("api"), l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Contains(fixture.App.ResourceLogs.GetLines("apphost"), l => l.Contains("api is running and healthy", StringComparison.Ordinal));
    }

    [Fact]
    public void Services_get_free_ports_not_the_fixed_ones()
    {
        foreach (var service in new[] { "api", "ai", "worker" })
        {
            Assert.NotInRange(fixture.App.GetEndpoint(service).Port, 8000, 8002);
        }
    }
}
