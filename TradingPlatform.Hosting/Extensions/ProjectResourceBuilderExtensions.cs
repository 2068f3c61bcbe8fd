using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// Adds a project of this repository. Like Aspire, its http port and environment come from the first "Project"
    /// profile in its <c>Properties/launchSettings.json</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject().ProjectPath);

    /// <summary>Adds a project by the path of its .csproj (relative paths are relative to the AppHost's content root).</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var fullPath = Path.GetFullPath(projectPath, builder.Environment.ContentRootPath);
        var project = new ProjectResource(name, fullPath);
        var profile = LaunchProfile.Read(project.ProjectDirectory);
        project.GetOrAddHttpEndpoint(profile?.HttpPort);
        if (profile?.EnvironmentName is { } environment)
        {
            project.EnvironmentName = environment;
        }

        return builder.AddResource(project);
    }

    /// <summary>Sets the http port the project listens on (random when the test harness runs it).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.GetOrAddHttpEndpoint(port);
        return builder;
    }

    /// <summary>Marks the project's endpoints as reachable from outside the application (public ingress when deployed).</summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var endpoint in builder.Resource.Endpoints)
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }
}
