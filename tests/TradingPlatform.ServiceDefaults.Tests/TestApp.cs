using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.ServiceDefaults.Tests;

/// <summary>A real web app on a free loopback port, composed by the test the way a service's Program.cs is.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IHostApplicationLifetime Lifetime => App.Lifetime;

    public static WebApplicationBuilder CreateBuilder(
        IEnumerable<KeyValuePair<string, string?>>? settings = null, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(TestApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        // Added last, so it wins over whatever the test process's environment holds.
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder;
    }

    /// <summary>Builds, maps the default endpoints (and <paramref name="map"/>), and starts.</summary>
    public static async Task<TestApp> StartAsync(WebApplicationBuilder builder, Action<WebApplication>? map = null)
    {
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
