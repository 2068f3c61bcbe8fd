using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Testing;

namespace TradingPlatform.ServiceDefaults.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task In_development_health_reports_each_check_with_status_description_duration_and_tags()
    {
        await using var app = await StartWithChecksAsync("Development");

        var (status, report) = await app.Client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.Status);
        Assert.True(report.TotalDurationMs >= 0);
        Assert.Equal(["self", "clock", "disk"], report.Checks.Select(check => check.Name));

        var disk = report.Check("disk");
        Assert.Equal("Unhealthy", disk.Status);
        Assert.Equal("disk on fire", disk.Description);
        Assert.Equal(["ready"], disk.Tags);
        Assert.True(disk.DurationMs >= 0);

        var clock = report.Check("clock");
        Assert.Equal(("Healthy", "in sync"), (clock.Status, clock.Description));

        var self = report.Check("self");
        Assert.Equal(("Healthy", null), (self.Status, self.Description));
        Assert.Equal(["live"], self.Tags);
    }

    [Fact]
    public async Task Alive_runs_only_live_checks_so_a_failing_dependency_does_not_fail_it()
    {
        await using var app = await StartWithChecksAsync("Development");

        var (status, report) = await app.Client.GetReportAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.Status);
        Assert.Equal("self", Assert.Single(report.Checks).Name);
    }

    [Fact]
    public async Task Outside_development_health_answers_the_status_text_without_details()
    {
        await using var app = await StartWithChecksAsync("Production");

        var (status, body) = await app.Client.GetTextAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await app.Client.GetTextAsync("/alive"));
    }

    [Fact]
    public async Task A_healthy_service_answers_200()
    {
        var builder = TestApp.CreateBuilder(environment: "Production");
        builder.AddServiceDefaults();
        await using var app = await TestApp.StartAsync(builder);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await app.Client.GetTextAsync("/health"));
    }

    private static async Task<TestApp> StartWithChecksAsync(string environment)
    {
        var builder = TestApp.CreateBuilder(environment: environment);
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks()
            .AddCheck("clock", () => HealthCheckResult.Healthy("in sync"), ["ready"])
            .AddCheck("disk", () => HealthCheckResult.Unhealthy("disk on fire"), ["ready"]);
        return await TestApp.StartAsync(builder);
    }
}
