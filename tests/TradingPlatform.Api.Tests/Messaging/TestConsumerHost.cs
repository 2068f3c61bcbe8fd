using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Consumers;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// A consumer outside the Api, as another service would run one: its own queue (a unique name per test, so tests never
/// take each other's messages), handlers that record every trading and signal event, and a poison handler for signals
/// of <see cref="PoisonSymbolHandler.Symbol"/>. Its inbox is the trading schema's.
/// </summary>
public sealed class TestConsumerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestConsumerHost(IHost host, string name)
    {
        _host = host;
        Name = name;
    }

    public string Name { get; }

    public ReceivedEvents Received => _host.Services.GetRequiredService<ReceivedEvents>();

    public PoisonAttempts PoisonAttempts => _host.Services.GetRequiredService<PoisonAttempts>();

    public static async Task<TestConsumerHost> StartAsync(
        IReadOnlyDictionary<string, string?> connectionStrings, int maxAttempts = 5, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var name = $"test.{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(connectionStrings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{nameof(MessagingOptions)}:{nameof(MessagingOptions.MaxAttempts)}"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Retries within the test's patience.
            [$"{nameof(MessagingOptions)}:{nameof(MessagingOptions.FirstRetryDelay)}"] = "00:00:00.050",
            [$"{nameof(MessagingOptions)}:{nameof(MessagingOptions.MaxRetryDelay)}"] = "00:00:00.500",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Aspire's client integrations as a service adds them; this host maps no health endpoint, so their checks stay as
        // Aspire registers them, unused.
        builder.AddRabbitMQClient("messaging");
        builder.AddNpgsqlDbContext<TradingDbContext>("tradingdb",
            configureDbContextOptions: options => options.UseNpgsql(TradingDbContext.ConfigureNpgsql));
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.Services.AddSingleton<PoisonAttempts>();
        builder.Services.AddScoped<IIntegrationEventHandler<AccountChangedIntegrationEvent>, RecordingHandler<AccountChangedIntegrationEvent>>();
        builder.Services.AddScoped<IIntegrationEventHandler<SignalGeneratedIntegrationEvent>, PoisonSymbolHandler>();
        builder.Services.AddScoped<IIntegrationEventHandler<SignalGeneratedIntegrationEvent>, RecordingHandler<SignalGeneratedIntegrationEvent>>();
        configure?.Invoke(builder.Services);
        builder.Services.AddIntegrationEventConsumer<TradingDbContext>(name);
        var host = builder.Build();
        var consumerHost = new TestConsumerHost(host, name);
        try
        {
            await host.StartAsync();
            var consumer = host.Services.GetServices<IHostedService>().OfType<IntegrationEventConsumer<TradingDbContext>>().Single();
            await consumer.Consuming.WaitAsync(TimeSpan.FromSeconds(60));
            return consumerHost;
        }
        catch
        {
            await consumerHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the consumer has recorded events matching <paramref name="match"/> that satisfy <paramref name="done"/>.</summary>
    public Task<IReadOnlyList<IntegrationEvent>> WaitForAsync(Func<IntegrationEvent, bool> match, Func<IReadOnlyList<IntegrationEvent>, bool> done, string what) =>
        Poll.UntilAsync(() => Task.FromResult<IReadOnlyList<IntegrationEvent>>([.. Received.All.Where(match)]), done, TimeSpan.FromSeconds(60), what);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
