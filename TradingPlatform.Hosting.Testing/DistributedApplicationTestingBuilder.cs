using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.Testing;

/// <summary>
/// Starts an application model in-process for tests, the role of Aspire.Hosting.Testing: every port is chosen free,
/// data lives in a temporary folder that is removed on dispose, and parameters are generated for the run only.
/// </summary>
public sealed class DistributedApplicationTestingBuilder : IDistributedApplicationTestingBuilder
{
    private readonly DistributedApplicationBuilder _inner;
    private readonly string _dataPath;

    private DistributedApplicationTestingBuilder(DistributedApplicationBuilder inner, string dataPath)
    {
        _inner = inner;
        _dataPath = dataPath;
    }

    public ConfigurationManager Configuration => _inner.Configuration;

    public IHostEnvironment Environment => _inner.Environment;

    public IServiceCollection Services => _inner.Services;

    public IReadOnlyList<IResource> Resources => _inner.Resources;

    public DistributedApplicationExecutionContext ExecutionContext => _inner.ExecutionContext;

    /// <summary>
    /// Runs the AppHost's Program (named by its generated <c>Projects.*</c> type) up to <c>Build()</c> and returns its
    /// model for the test to adjust and build.
    /// </summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(
        string[]? args = null, Action<DistributedApplicationOptions>? configure = null, CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entryAssembly = ResolveAssembly(typeof(TEntryPoint));
        var entryPoint = entryAssembly.EntryPoint
            ?? throw new InvalidOperationException($"{entryAssembly.GetName().Name} has no entry point; is it an AppHost?");

        var dataPath = TestDataFolders.Create();
        var hook = new TestingHook(options => ApplyTestOptions(options, dataPath, configure));
        using (TestingHook.Install(hook))
        {
            try
            {
                entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args ?? []]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is BuilderCapturedException)
            {
            }
            catch
            {
                TestDataFolders.Delete(dataPath);
                throw;
            }
        }

        var builder = hook.Builder ?? throw new InvalidOperationException(
            $"{entryAssembly.GetName().Name}'s Program never called DistributedApplication.CreateBuilder(...).Build().");
        return Task.FromResult<IDistributedApplicationTestingBuilder>(new DistributedApplicationTestingBuilder(builder, dataPath));
    }

    /// <summary>An empty model (no AppHost) for tests that declare their own resources, such as servers only.</summary>
    public static IDistributedApplicationTestingBuilder Create(Action<DistributedApplicationOptions>? configure = null)
    {
        var dataPath = TestDataFolders.Create();
        var options = new DistributedApplicationOptions();
        ApplyTestOptions(options, dataPath, configure);
        return new DistributedApplicationTestingBuilder(new DistributedApplicationBuilder(options), dataPath);
    }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => _inner.AddResource(resource);

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => _inner.CreateResourceBuilder(resource);

    public DistributedApplication Build()
    {
        var application = _inner.BuildCore();
        application.OnDisposed(() =>
        {
            TestDataFolders.Delete(_dataPath);
            return ValueTask.CompletedTask;
        });
        return application;
    }

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());

    private static void ApplyTestOptions(DistributedApplicationOptions options, string dataPath, Action<DistributedApplicationOptions>? configure)
    {
        options.DataPath = dataPath;
        options.RandomizePorts = true;
        options.EchoResourceOutput = false;
        options.PersistParameters = false;
        options.DurableData = false;
        configure?.Invoke(options);
    }

    private static Assembly ResolveAssembly(Type entryPointType)
    {
        if (entryPointType.Assembly.EntryPoint is not null)
        {
            return entryPointType.Assembly;
        }

        // A generated Projects.X type names the AppHost's project file; its assembly is referenced by the test project.
        if (Activator.CreateInstance(entryPointType) is IProjectMetadata metadata)
        {
            return Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(metadata.ProjectPath)));
        }

        throw new InvalidOperationException($"{entryPointType} is neither in an AppHost assembly nor a Projects.* metadata type.");
    }
}
