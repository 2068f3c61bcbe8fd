using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Servers;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting.Tests;

/// <summary>WithAppHostResourceApi: the URL and key at launch when the dashboard runs, nothing otherwise.</summary>
public sealed class ResourceApiEnvironmentTests
{
    [Fact]
    public async Task The_project_gets_the_resource_api_url_and_key_from_the_runs_settings()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var settings = new DashboardSettings(new Uri("http://localhost:18888"), new Uri("http://localhost:18889"),
            new Uri("http://localhost:18890"), "token", "the-key", null);
        builder.Services.AddSingleton(settings);
        var api = builder.AddProject("api", "/repo/Api/Api.csproj").WithAppHostResourceApi();
        await using var app = builder.Build();

        var environment = await ReferenceEnvironment.ResolveAsync(api.Resource, CancellationToken.None);

        Assert.Equal("http://localhost:18888/api/resources", environment["AppHost__ResourceApiUrl"]);
        Assert.Equal("the-key", environment["AppHost__ResourceApiKey"]);
        Assert.Empty(api.Resource.ManifestEnvironment);
    }

    [Fact]
    public async Task Without_the_dashboard_the_project_gets_nothing()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var api = builder.AddProject("api", "/repo/Api/Api.csproj").WithAppHostResourceApi();
        await using var app = builder.Build();

        var environment = await ReferenceEnvironment.ResolveAsync(api.Resource, CancellationToken.None);

        Assert.DoesNotContain("AppHost__ResourceApiUrl", environment.Keys);
        Assert.DoesNotContain("AppHost__ResourceApiKey", environment.Keys);
    }
}
