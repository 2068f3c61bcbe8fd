using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TradingPlatform.Bench.Common;

/// <summary>
/// A service's real Program in this process on Kestrel (a real loopback socket), with the given settings. In process so
/// that a benchmark can publish quotes into the Api's QuoteBook, as the Api tests' TradingKit does.
/// </summary>
public sealed class BenchApiFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public BenchApiFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    /// <summary>Where Kestrel listens (after <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/>).</summary>
    public Uri Address =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
