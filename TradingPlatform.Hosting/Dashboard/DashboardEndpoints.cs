using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Dashboard.Pages;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.ResourceApi;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>Routes of the dashboard's port: login, the pages and the commands the resources page posts.</summary>
internal static class DashboardEndpoints
{
    public static void Map(WebApplication app, DashboardSettings settings)
    {
        app.UseDashboardAuth(settings);
        var dashboard = app.MapGroup("").RequireHost($"*:{settings.DashboardUrl.Port}");
        dashboard.MapLogin(settings);
        dashboard.MapGet("/", () => Results.Redirect("/resources"));
        dashboard.MapGet("/resources", ResourcesAsync);
        dashboard.MapPost("/resources/{name}/commands/{command}", ExecuteCommandAsync).DisableAntiforgery();
        dashboard.MapGet("/console", Console);
        dashboard.MapTelemetryPages();
        dashboard.MapTelemetryQueryApi();
        dashboard.MapResourceApi();
        app.MapOtlpGrpc().RequireHost($"*:{settings.OtlpGrpcUrl.Port}");
        app.MapOtlpHttp().RequireHost($"*:{settings.OtlpHttpUrl.Port}");
    }

    private static async Task<IResult> ResourcesAsync(
        HttpContext context, ResourceNotificationService notifications, DistributedApplicationModel model, ResourceCommandService commands,
        ServiceHealthReports health, string? resource, string? message, string? error)
    {
        // The details pane of a running project shows each check of its own health report.
        IReadOnlyList<ServiceHealthCheck>? checks = null;
        if (resource is not null && notifications.Get(resource) is { ResourceType: "Project", State: ResourceState.Running, Urls: [var url, ..] })
        {
            checks = await health.GetAsync(new Uri(url), context.RequestAborted);
        }

        return Layout.Page(context, "Resources", "/resources", ResourcesPage.Render(
            notifications.Snapshots, model, s => commands.GetAvailableCommands(s.Name), resource, checks, message ?? error, error is not null));
    }

    private static async Task<IResult> ExecuteCommandAsync(
        HttpContext context, ResourceCommandService commands, string name, string command)
    {
        var result = await commands.ExecuteAsync(name, command, context.RequestAborted);
        var query = result.Success
            ? $"message={Uri.EscapeDataString($"{command} {name}: {result.Message}")}"
            : $"error={Uri.EscapeDataString($"{command} {name}: {result.Message}")}";
        return Results.Redirect($"/resources?resource={Uri.EscapeDataString(name)}&{query}");
    }

    private static IResult Console(HttpContext context, ResourceLoggerService logs, ResourceNotificationService notifications, string? resource)
    {
        var names = notifications.Snapshots.Select(s => s.Name).Union(logs.ResourceNames).Order(StringComparer.Ordinal).ToList();
        var selected = resource is { Length: > 0 } && names.Contains(resource) ? resource : null;
        return Layout.Page(context, "Console", "/console", ConsolePage.Render(names, selected, selected is null ? [] : logs.GetEntries(selected)));
    }
}
