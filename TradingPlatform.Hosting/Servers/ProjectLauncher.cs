using System.Globalization;
using System.Runtime.InteropServices;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Health;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Processes;

namespace TradingPlatform.Hosting.Servers;

/// <summary>
/// Runs a project from its build output with the variables Aspire injects: <c>ASPNETCORE_URLS</c>,
/// <c>ConnectionStrings__*</c>, <c>services__*__http__0</c>, <c>OTEL_*</c>, and the AppHost's pid so the service exits
/// when the AppHost dies.
/// </summary>
internal sealed class ProjectLauncher(ProjectResource project, OrchestrationContext context) : ProcessLauncher(project, context)
{
    private string? _assemblyPath;

    public override string ResourceType => "Project";

    public override string Source => project.ProjectPath;

    public override bool FailFastOnFirstStart => false;

    public override TimeSpan StopTimeout => TimeSpan.FromSeconds(5);

    public override IReadOnlyList<string> Urls =>
        [.. project.Endpoints.Where(e => e.AllocatedPort is not null).Select(e => e.Url.ToString())];

    private EndpointAnnotation Http => project.Endpoints.First(e => e.Name == "http");

    public override Task<string?> ValidateAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(project.ProjectPath))
        {
            return Task.FromResult<string?>($"{project.Name}: project file {project.ProjectPath} not found");
        }

        _assemblyPath = BuildOutput.Find(project);
        if (_assemblyPath is null)
        {
            return Task.FromResult<string?>(
                $"{project.Name}: no build output for {Path.GetFileName(project.ProjectPath)}; build it with: dotnet build TradingPlatform.sln");
        }

        if (CheckFixedPort(project.Name, Http.Port, Context.ExecutionContext.RandomizePorts) is { } portProblem)
        {
            return Task.FromResult<string?>(portProblem);
        }

        // Every port is chosen before anything starts, so references can be resolved in any order.
        Http.AllocatedPort ??= ChoosePort(Http.Port);
        return Task.FromResult<string?>(null);
    }

    public override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<ProcessSpec> CreateSpecAsync(CancellationToken cancellationToken)
    {
        var port = Http.AllocatedPort!.Value.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://localhost:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = project.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = project.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{Guid.NewGuid().ToString("N")[..8]}",
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
            ["DOTNET_NOLOGO"] = "1",
            [OrchestrationContext.ParentPidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        };
        OtlpEnvironment.Apply(environment, Context.Dashboard, Context.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        foreach (var (name, value) in await ReferenceEnvironment.ResolveAsync(project, cancellationToken))
        {
            environment[name] = value;
        }

        return new ProcessSpec(DotnetHost.Path, [_assemblyPath!])
        {
            WorkingDirectory = project.ProjectDirectory,
            Environment = environment,
        };
    }

    public override IHealthProbe CreateProbe() => new HttpHealthProbe(new Uri(Http.Url, "/health"));

    protected override IEnumerable<int?> Ports => [Http.AllocatedPort];

    protected override void ReallocatePorts()
    {
        Http.AllocatedPort = PortAllocator.GetFreePort();
    }
}
