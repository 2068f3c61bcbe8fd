using TradingPlatform.ServiceDefaults.Data;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>
/// The shared health tests, for the Api with the servers and the AiService it depends on (a stand-in HTTP server
/// plays the AiService), and the tests of the "ai" check that only the Api has.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class HealthTests(InfrastructureFixture infrastructure)
    : ServiceHealthTests<Program>(infrastructure, "tradingdb", "cache", "messaging", "ai"), IAsyncLifetime
{
    private AiServiceStub _ai = null!;

    protected override string DependencyBrokenInProduction => "cache";

    public async Task InitializeAsync() => _ai = await AiServiceStub.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    /// <summary>The identity and trading migration checks are Unhealthy until both schemas are migrated in the background.</summary>
    protected override Task WhenStartedAsync(ServiceFactory<Program> factory) => Task.WhenAll(
        factory.Services.GetRequiredService<SchemaStatus<IdentityDbContext>>().Completion,
        factory.Services.GetRequiredService<SchemaStatus<TradingPlatform.Trading.Persistence.TradingDbContext>>().Completion).WaitAsync(TimeSpan.FromSeconds(60));

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
    public async Task Identity_migrations_are_not_ready_while_the_database_is_down_and_the_app_stays_up()
    {
        await using var factory = CreateFactory(overrides: ("ConnectionStrings:tradingdb", ClosedPort.ConnectionStringFor("tradingdb")));
        using var client = factory.CreateClient();

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var migrations = report.Check("identity-migrations");
        Assert.Equal("Unhealthy", migrations.Status);
        Assert.Equal(["ready"], migrations.Tags);
        Assert.False(factory.Services.GetRequiredService<SchemaStatus<IdentityDbContext>>().IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await client.GetTextAsync("/alive")).StatusCode);

        // Identity endpoints say "retry later" rather than failing on a missing table.
        using var login = await client.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { email = "a@example.test", password = "Passw0rd" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.NotNull(login.Headers.RetryAfter);
    }

    /// <summary>
    /// Every test's Api finds the AiService at the healthy stand-in, unless the test overrides it, and has a signing
    /// key (required at start, generated per test, never in source).
    /// </summary>
    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        settings["services:ai:http:0"] = _ai.Url;
        settings["Jwt:SigningKey"] = RandomNumberGenerator.GetHexString(64);
    }

    protected override void AssertEveryDependencyWasAsked() =>
        Assert.True(_ai.HealthRequests > 0, "The ai check did not call the AiService's /health.");
}
