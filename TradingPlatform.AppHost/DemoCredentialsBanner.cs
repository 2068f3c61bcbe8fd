using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.AppHost;

/// <summary>
/// Prints the generated demo-trader and admin sign-ins once the Api is healthy (it seeds them in Development), so
/// a developer can log in at once. The passwords are generated per machine; nothing is hard-coded.
/// </summary>
internal sealed class DemoCredentialsBanner(
    ResourceNotificationService notifications,
    ILogger<DemoCredentialsBanner> logger,
    string apiName,
    ParameterResource demoTraderPassword,
    ParameterResource adminPassword) : BackgroundService
{
    public const string DemoTraderEmail = "demo@tradingplatform.local";
    public const string AdminEmail = "admin@tradingplatform.local";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var api = await notifications.WaitForResourceHealthyAsync(apiName, stoppingToken);
            var url = api.Snapshot.Urls.FirstOrDefault(u => !u.IsInternal)?.Url ?? "the api";
            logger.LogInformation(
                "sign in at {Url} as the demo trader {DemoTrader} / {DemoPassword} or the admin {Admin} / {AdminPassword}",
                url, DemoTraderEmail, await demoTraderPassword.GetValueAsync(stoppingToken), AdminEmail, await adminPassword.GetValueAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
