using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TradingPlatform.Testing;

/// <summary>
/// Hosts a service's real Program with the given settings (connection strings from the infrastructure fixture,
/// service-discovery addresses) and environment.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(IEnumerable<KeyValuePair<string, string?>> settings, string environment = "Development")
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);

        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program.cs composes the app, which is
        // when the client integrations read their connection strings.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
