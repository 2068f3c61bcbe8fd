using Microsoft.Extensions.Hosting;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.AppHost;

/// <summary>
/// Prints the generated demo-trader and admin sign-ins once the Api is healthy (it seeds them in Development), so
/// a developer can log in at once. The passwords are generated per machine; nothing is hard-coded.
/// </summary>
internal sealed class DemoCredentialsBanner(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    string demoTraderPassword,
    string adminPassword) : BackgroundService
{
    public const string DemoTraderEmail = "demo@tradingplatform.local";
    public const string AdminEmail = "admin@tradingplatform.local";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var api = await notifications.WaitForResourceAsync("api", s => s.IsHealthy, stoppingToken);
            var url = api.Urls.Count > 0 ? api.Urls[0] : "the api";
            logs.Write("apphost", $"sign in at {url} as the demo trader {DemoTraderEmail} / {demoTraderPassword} or the admin {AdminEmail} / {adminPassword}");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
