using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.Hosting;

public static class ResourceApiBuilderExtensions
{
    public const string UrlVariable = "AppHost__ResourceApiUrl";
    public const string KeyVariable = "AppHost__ResourceApiKey";

    /// <summary>
    /// Gives the project the AppHost's resource API (<c>AppHost__ResourceApiUrl</c>, <c>AppHost__ResourceApiKey</c>),
    /// read from the run's <see cref="DashboardSettings"/> when the project is launched. Nothing is added when the
    /// dashboard is disabled (no settings), nor to a published manifest: a deployment has no AppHost to call.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAppHostResourceApi(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var executionContext = builder.ApplicationBuilder.ExecutionContext;
        if (executionContext.IsPublishMode)
        {
            return builder;
        }

        builder.Resource.Environment[UrlVariable] = _ => ValueTask.FromResult(Settings(executionContext)?.ResourceApiUrl.ToString());
        builder.Resource.Environment[KeyVariable] = _ => ValueTask.FromResult(Settings(executionContext)?.ResourceApiKey);
        return builder;
    }

    private static DashboardSettings? Settings(DistributedApplicationExecutionContext executionContext) =>
        executionContext.ServiceProvider?.GetService<DashboardSettings>();
}
