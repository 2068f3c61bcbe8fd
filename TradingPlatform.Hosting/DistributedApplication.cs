using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Testing;

namespace TradingPlatform.Hosting;

/// <summary>The running application model (Aspire's <c>DistributedApplication</c>).</summary>
public sealed class DistributedApplication : IHost, IAsyncDisposable
{
    private readonly IHost _host;
    private readonly OrchestrationContext _context;
    private readonly List<Func<ValueTask>> _onDisposed = [];
    private bool _disposed;

    internal DistributedApplication(IHost host, DistributedApplicationModel model)
    {
        _host = host;
        Model = model;
        _context = host.Services.GetRequiredService<OrchestrationContext>();
    }

    public IServiceProvider Services => _host.Services;

    public DistributedApplicationModel Model { get; }

    public ResourceNotificationService ResourceNotifications => _context.Notifications;

    public ResourceLoggerService ResourceLogs => _context.Logger;

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TestingHook.Current?.Configure(options);
        return new DistributedApplicationBuilder(options);
    }

    /// <summary>Starts every resource; throws with the one-line reason when one cannot even be started.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _host.StartAsync(cancellationToken);
        if (_context.Fatal.IsCompletedSuccessfully)
        {
            throw new DistributedApplicationException(await _context.Fatal);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Runs until Ctrl+C or SIGTERM, or until a resource fails fatally (then throws with its one-line reason).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        var shutdown = _host.WaitForShutdownAsync(cancellationToken);
        await Task.WhenAny(shutdown, _context.Fatal);
        if (_context.Fatal.IsCompleted)
        {
            await StopAsync(CancellationToken.None);
            throw new DistributedApplicationException(await _context.Fatal);
        }

        await shutdown;
    }

    /// <summary>Runs the application; a failure is printed as one line on stderr and the exit code is 1.</summary>
    public void Run()
    {
        try
        {
            RunAsync().GetAwaiter().GetResult();
        }
        catch (DistributedApplicationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Environment.ExitCode = 1;
        }
    }

    public async ValueTask<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Model.Find(resourceName) is IResourceWithConnectionString resource
            ? await resource.GetConnectionStringAsync(cancellationToken)
            : throw new ArgumentException($"'{resourceName}' has no connection string.", nameof(resourceName));

    public Uri GetEndpoint(string resourceName, string endpointName = "http") =>
        Model.Find(resourceName) is IResourceWithServiceDiscovery resource
            ? (resource.Endpoints.FirstOrDefault(e => e.Name == endpointName)
               ?? throw new ArgumentException($"'{resourceName}' has no endpoint named '{endpointName}'.", nameof(endpointName))).Url
            : throw new ArgumentException($"'{resourceName}' has no endpoints.", nameof(resourceName));

    /// <summary>An HttpClient whose base address is the resource's endpoint.</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    internal void OnDisposed(Func<ValueTask> callback) => _onDisposed.Add(callback);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            if (_host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }

            foreach (var callback in _onDisposed)
            {
                await callback();
            }
        }
    }
}
