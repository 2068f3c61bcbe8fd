using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Testing;
using TradingPlatform.Tests.Support;

namespace TradingPlatform.Api.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class HealthTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly string[] Dependencies = ["tradingdb", "cache", "messaging", "ai"];
    private AiServiceStub _ai = null!;

    public async Task InitializeAsync() => _ai = await AiServiceStub.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    [Fact]
    public async Task Health_reports_every_dependency_healthy()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreateClient();
        await MigratedAsync(factory);

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        Assert.Equal("Healthy", report.Check("identity-migrations").Status);
        foreach (var name in Dependencies)
        {
            var check = report.Check(name);
            Assert.Equal("Healthy", check.Status);
            Assert.Equal(["ready"], check.Tags);
        }

        Assert.True(_ai.HealthRequests > 0, "The ai check did not call the AiService's /health.");
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
        if (dependency == "tradingdb")
        {
            // The migrations keep retrying in the background instead of crashing the app; readiness says why.
            var migrations = report.Check("identity-migrations");
            Assert.Equal("Unhealthy", migrations.Status);
            Assert.Equal(["ready"], migrations.Tags);
        }

        // The app is still up: liveness passes and readiness keeps answering.
        Assert.Equal(HttpStatusCode.OK, (await client.GetTextAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetReportAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Ai_check_is_unhealthy_with_the_reason_when_nothing_listens()
    {
        var closed = $"http://127.0.0.1:{ClosedPort.Next()}";
        await using var factory = CreateFactory(overrides: ("services:ai:http:0", closed));
        using var client = factory.CreateClient();

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var ai = report.Check("ai");
        Assert.Equal("Unhealthy", ai.Status);
        Assert.Contains("cannot be reached", ai.Description, StringComparison.Ordinal);
        Assert.Contains("refused", ai.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetTextAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task Ai_check_is_unhealthy_when_the_ai_service_is_not_ready()
    {
        await using var unready = await AiServiceStub.StartAsync(HttpStatusCode.ServiceUnavailable);
        await using var factory = CreateFactory(overrides: ("services:ai:http:0", unready.Url));
        using var client = factory.CreateClient();

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var ai = report.Check("ai");
        Assert.Equal("Unhealthy", ai.Status);
        Assert.Contains("503", ai.Description, StringComparison.Ordinal);
        Assert.True(unready.HealthRequests > 0);
    }

    [Fact]
    public async Task Outside_development_health_answers_the_status_text_only()
    {
        await using var factory = CreateFactory("Production");
        using var client = factory.CreateClient();
        await MigratedAsync(factory);

        var (status, body) = await client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Outside_development_an_unhealthy_report_names_no_check()
    {
        await using var factory = CreateFactory("Production", ("ConnectionStrings:cache", ClosedPort.ConnectionStringFor("cache")));
        using var client = factory.CreateClient();

        var (status, body) = await client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await client.GetTextAsync("/alive"));
    }

    private static Task MigratedAsync(ServiceFactory<Program> factory) =>
        factory.Services.GetRequiredService<IdentityMigrationStatus>().Completion.WaitAsync(TimeSpan.FromSeconds(60));

    private ServiceFactory<Program> CreateFactory(string environment = "Development", params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["services:ai:http:0"] = _ai.Url,
            ["Jwt:SigningKey"] = RandomNumberGenerator.GetHexString(64),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new ServiceFactory<Program>(settings, environment);
    }
}
