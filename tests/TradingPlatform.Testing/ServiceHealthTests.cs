using System.Net;
using Xunit;

namespace TradingPlatform.Testing;

/// <summary>
/// The health-endpoint tests that every service owes, against its real Program and the fixture's servers. Each
/// service's test project derives one class (with its [Collection] and the fixture) that names the service's
/// readiness checks; xunit runs these tests once per derived class, under the derived class's name.
/// </summary>
/// <param name="dependencies">Every readiness check of the service, each expected healthy when nothing is broken.</param>
public abstract class ServiceHealthTests<TProgram>(InfrastructureFixture infrastructure, params string[] dependencies)
    where TProgram : class
{
    /// <summary>The dependency that the Production test breaks; any one will do, a service may pick its own.</summary>
    protected virtual string DependencyBrokenInProduction => "tradingdb";

    [Fact]
    public async Task Health_reports_every_dependency_healthy()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreateClient();
        await WhenStartedAsync(factory);

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        foreach (var name in dependencies)
        {
            var check = report.Check(name);
            Assert.Equal("Healthy", check.Status);
            Assert.Equal(["ready"], check.Tags);
        }

        // Every check is liveness or readiness. A client integration's own check (Aspire's carry no tag) would show up
        // here: the services switch them off in favour of ServiceDefaults' checks named after the connections.
        Assert.All(report.Checks, check => Assert.True(check.Tags is ["live"] or ["ready"], $"'{check.Name}' is tagged [{string.Join(", ", check.Tags)}]."));
        AssertEveryDependencyWasAsked();
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
        await WhenSettledAsync(factory);

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.Status);
        var failed = report.Check(dependency);
        Assert.Equal("Unhealthy", failed.Status);
        Assert.Contains("refused", failed.Description, StringComparison.OrdinalIgnoreCase);
        Assert.All(dependencies.Where(name => name != dependency), name => Assert.Equal("Healthy", report.Check(name).Status));

        // The app is still up: liveness passes and readiness keeps answering.
        Assert.Equal(HttpStatusCode.OK, (await client.GetTextAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetReportAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_health_answers_the_status_text_only()
    {
        await using var factory = CreateFactory("Production");
        using var client = factory.CreateClient();
        await WhenStartedAsync(factory);

        var (status, body) = await client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Outside_development_an_unhealthy_report_names_no_check()
    {
        var broken = DependencyBrokenInProduction;
        await using var factory = CreateFactory("Production", ($"ConnectionStrings:{broken}", ClosedPort.ConnectionStringFor(broken)));
        using var client = factory.CreateClient();
        await WhenSettledAsync(factory);

        var (status, body) = await client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await client.GetTextAsync("/alive"));
    }

    /// <summary>The service with the fixture's connection strings, <see cref="AddSettings"/>, then <paramref name="overrides"/>.</summary>
    protected ServiceFactory<TProgram> CreateFactory(string environment = "Development", params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(infrastructure.Configuration);
        AddSettings(settings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new ServiceFactory<TProgram>(settings, environment);
    }

    /// <summary>Settings beyond the fixture's servers, such as the addresses of stand-ins for other services.</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// Awaits what the service does in the background after starting (migrations, say) before a test expects every
    /// check healthy; a readiness check that is Unhealthy until then is the point of such a check.
    /// </summary>
    protected virtual Task WhenStartedAsync(ServiceFactory<TProgram> factory) => WhenSettledAsync(factory);

    /// <summary>
    /// Awaits the CPU-bound work a service starts with whatever its dependencies (the AiService trains its sentiment
    /// head), which on a small machine can hold a probe past the checks' timeout; the tests are about the checks.
    /// </summary>
    protected virtual Task WhenSettledAsync(ServiceFactory<TProgram> factory) => Task.CompletedTask;

    /// <summary>
    /// Runs at the end of <see cref="Health_reports_every_dependency_healthy"/>, so that a derived class can assert
    /// that its stand-ins were really asked, and not merely listed in the report.
    /// </summary>
    protected virtual void AssertEveryDependencyWasAsked()
    {
    }
}
