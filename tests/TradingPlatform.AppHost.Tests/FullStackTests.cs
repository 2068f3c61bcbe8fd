using System.Net;

namespace TradingPlatform.AppHost.Tests;

/// <summary>The whole stack of the AppHost's Program, through Aspire.Hosting.Testing.</summary>
[Collection(AppHostCollection.Name)]
public sealed class FullStackTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string[]> ServiceDependencies => new()
    {
        { "api", ["tradingdb", "cache", "messaging", "ai"] },
        { "ai", ["tradingdb", "cache", "messaging"] },
        { "worker", ["tradingdb", "cache", "messaging"] },
    };

    [Fact]
    public async Task Every_resource_is_running_and_healthy()
    {
        foreach (var name in AppHostFixture.AllResources)
        {
            var snapshot = await fixture.WaitForAsync(name, AppHostFixture.IsHealthyAndRunning, Timeout);
            Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceDependencies))]
    public async Task Every_dependency_check_of_every_service_reports_healthy(string service, string[] dependencies)
    {
        await fixture.WaitForAsync(service, AppHostFixture.IsHealthyAndRunning, Timeout);
        using var client = fixture.App.CreateHttpClient(service);
        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        foreach (var dependency in dependencies)
        {
            var check = Assert.Single(report.Checks, c => c.Name == dependency);
            Assert.Equal("Healthy", check.Status);
        }
    }

    [Theory]
    [InlineData("api")]
    [InlineData("ai")]
    [InlineData("worker")]
    public async Task Every_service_answers_alive(string service)
    {
        await fixture.WaitForAsync(service, AppHostFixture.IsHealthyAndRunning, Timeout);
        using var client = fixture.App.CreateHttpClient(service);
        using var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_database_was_created_and_answers_with_its_connection_string_on_loopback()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("tradingdb");
        Assert.Contains("Host=127.0.0.1", connectionString, StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("tradingdb", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Services_get_allocated_ports_not_the_fixed_ones_under_test()
    {
        foreach (var service in new[] { "api", "ai", "worker" })
        {
            Assert.NotInRange(fixture.App.GetEndpoint(service, "http").Port, 8000, 8002);
        }
    }
}
