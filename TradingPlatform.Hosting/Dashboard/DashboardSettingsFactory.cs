using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Dashboard;

/// <summary>Fixes this run's dashboard addresses and secrets before anything starts.</summary>
internal static class DashboardSettingsFactory
{
    public static DashboardSettings Create(DashboardOptions options, bool randomizePorts)
    {
        // Under the test harness (or beside another stack) nothing is fixed: three free loopback ports.
        var port = randomizePorts ? PortAllocator.GetFreePort() : options.Port;
        var grpc = randomizePorts ? PortAllocator.GetFreePort() : options.OtlpGrpcPort;
        var http = randomizePorts ? PortAllocator.GetFreePort() : options.OtlpHttpPort;
        return new DashboardSettings(
            Url(port),
            Url(grpc),
            Url(http),
            options.BrowserToken is { Length: > 0 } token ? token : NewSecret(),
            NewSecret(),
            options.OtlpApiKey is { Length: > 0 } key ? key : null);
    }

    public static DashboardOptions ReadOptions(IConfiguration configuration)
    {
        var options = new DashboardOptions();
        configuration.GetSection(DashboardOptions.Section).Bind(options);
        return options;
    }

    private static Uri Url(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}"));

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
