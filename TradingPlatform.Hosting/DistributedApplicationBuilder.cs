using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ApplicationName = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name,
        });
        _host.Configuration.AddInMemoryCollection(options.ConfigurationOverrides);
        if (options.DisableDashboard)
        {
            _host.Configuration[$"{DashboardOptions.Section}:{nameof(DashboardOptions.Enabled)}"] = "false";
        }

        options.DataPath ??= _host.Configuration["AppHost:DataPath"] is { Length: > 0 } dataPath ? Path.GetFullPath(dataPath) : null;
        // Lets a second stack run beside one on the default ports (the startup benchmark, the process-level tests).
        options.RandomizePorts |= _host.Configuration.GetValue<bool>("AppHost:RandomizePorts");
        options.ManifestPath ??= Publishing.ManifestPublisher.ResolveOutputPath(_host.Configuration);
        ExecutionContext = new DistributedApplicationExecutionContext(options);

        // The AppHost's console belongs to the resources' output and its own "[apphost]" lines.
        _host.Logging.SetMinimumLevel(LogLevel.Warning);
        _host.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public IReadOnlyList<IResource> Resources => _resources;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        ResourceNames.ThrowIfTaken(this, resource.Name);
        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        // Under the test harness the AppHost's Program stops here; the harness builds it with its own options.
        TestingHook.Current?.Capture(this);
        return BuildCore();
    }

    internal DistributedApplication BuildCore()
    {
        // Publishing describes the model for a deployment tool: no parameter is generated and nothing is started.
        if (ExecutionContext.IsRunMode)
        {
            new ParameterStore(ExecutionContext.DataPath, ExecutionContext.PersistParameters)
                .Resolve(_resources.OfType<ParameterResource>(), Configuration);
            ExternalResources.Apply(_resources, Configuration);
        }

        var model = new DistributedApplicationModel([.. _resources]);
        var notifications = new ResourceNotificationService();
        var logger = new ResourceLoggerService(ExecutionContext.EchoResourceOutput);
        _host.Services.AddSingleton(model);
        _host.Services.AddSingleton(ExecutionContext);
        _host.Services.AddSingleton(notifications);
        _host.Services.AddSingleton(logger);
        _host.Services.AddSingleton(TimeProvider.System);
        _host.Services.AddSingleton(sp => new OrchestrationContext(
            ExecutionContext, Configuration, notifications, logger, sp.GetRequiredService<TimeProvider>(), sp.GetService<DashboardSettings>()));
        if (ExecutionContext.IsPublishMode)
        {
            _host.Services.AddHostedService<Publishing.ManifestPublisher>();
        }
        else
        {
            var registry = new ResourceControllerRegistry();
            _host.Services.AddSingleton(registry);
            _host.Services.AddSingleton(new ResourceCommandService(registry, notifications, model));
            DashboardRegistration.AddDashboard(_host.Services, Configuration, ExecutionContext.RandomizePorts);
            _host.Services.AddHostedService<Orchestrator>();
        }

        var host = _host.Build();
        ExecutionContext.ServiceProvider = host.Services;
        return new DistributedApplication(host, model);
    }
}
