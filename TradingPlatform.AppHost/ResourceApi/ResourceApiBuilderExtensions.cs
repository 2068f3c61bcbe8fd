using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace TradingPlatform.AppHost.ResourceApi;

internal static class ResourceApiBuilderExtensions
{
    public const string UrlVariable = "AppHost__ResourceApiUrl";
    public const string KeyVariable = "AppHost__ResourceApiKey";

    /// <summary>
    /// Serves the AppHost's resource API for this run and gives the project its URL and key
    /// (<c>AppHost__ResourceApiUrl</c>, <c>AppHost__ResourceApiKey</c>). Nothing of it goes into a published manifest:
    /// a deployment has no AppHost to call.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAppHostResourceApi(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var application = builder.ApplicationBuilder;
        if (application.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        var settings = ResourceApiSettings.CreateForThisRun();
        application.Services.AddSingleton(settings);
        application.Services.AddSingleton<ResourceStateCache>();
        application.Services.AddHostedService(sp => sp.GetRequiredService<ResourceStateCache>());
        application.Services.AddHostedService<ResourceApiServer>();
        return builder
            .WithEnvironment(UrlVariable, new Uri(settings.Url, ResourceApiEndpoints.RoutePrefix).ToString())
            .WithEnvironment(KeyVariable, settings.Key);
    }
}
