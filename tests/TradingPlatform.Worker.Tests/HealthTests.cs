using System.Net;
using TradingPlatform.Testing;
using TradingPlatform.Tests.Support;

namespace TradingPlatform.Worker.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Dependencies = ["tradingdb", "cache", "messaging"];

    [Fact]
    public async Task Health_reports_every_dependency_healthy()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreateClient();

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        foreach (var name in Dependencies)
        {
            var check = report.Check(name);
            Assert.Equal("Healthy", check.Status);
            Assert.Equal(["ready"], check.Tags);
        }
    }

    [Fact]
    public async Task Alive_runs_only_the_liveness_check()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreateClient();

        var (status, report) = await client.GetReportAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, status);
        var check = Assert.Single(report.Checks);
        Assert.Equal("self", check.Name);
        Assert.Equal(["live"], check.Tags);
    }

    [Theory]
    [InlineData("tradingdb")]
    [InlineData("cache")]
    [InlineData("messaging")]
    public async Task A_dependency_that_is_down_fails_health_with_its_reason_but_not_liveness(string dependency)
    {
        await using var factory = CreateFactory(overrides: ($"ConnectionStrings:{dependency}", ClosedPort.ConnectionStringFor(dependency)));
        using var client = factory.CreateClient();

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.Status);
        var failed = report.Check(dependency);
        Assert.Equal("Unhealthy", failed.Status);
        Assert.Contains("refused", failed.Description, StringComparison.OrdinalIgnoreCase);
        Assert.All(Dependencies.Where(name => name != dependency), name => Assert.Equal("Healthy", report.Check(name).Status));

        // The app is still up: liveness passes and readiness keeps answering.
        Assert.Equal(HttpStatusCode.OK, (await client.GetTextAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetReportAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_health_answers_the_status_text_only()
    {
        await using var factory = CreateFactory("Production");
        using var client = factory.CreateClient();

        var (status, body) = await client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Outside_development_an_unhealthy_report_names_no_check()
    {
        await using var factory = CreateFactory("Production", ("ConnectionStrings:tradingdb", ClosedPort.ConnectionStringFor("tradingdb")));
        using var client = factory.CreateClient();

        var (status, body) = await client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await client.GetTextAsync("/alive"));
    }

    private ServiceFactory<Program> CreateFactory(string environment = "Development", params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(infrastructure.Configuration);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new ServiceFactory<Program>(settings, environment);
    }
}
