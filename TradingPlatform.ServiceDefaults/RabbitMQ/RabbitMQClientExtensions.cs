using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using TradingPlatform.ServiceDefaults.Configuration;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.ServiceDefaults.RabbitMQ;

namespace Microsoft.Extensions.Hosting;

/// <summary>The shape of Aspire.RabbitMQ.Client (for RabbitMQ.Client 7), which the package registry here does not serve.</summary>
public static class RabbitMQClientExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectionFactory"/> and a lazily created, automatically recovering singleton
    /// <see cref="IConnection"/> from <c>ConnectionStrings:<paramref name="connectionName"/></c> (<c>amqp://user:pass@host:port</c>),
    /// and a health check named <paramref name="connectionName"/> tagged "ready".
    /// </summary>
    public static void AddRabbitMQClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<ConnectionFactory>? configureConnectionFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var connectionString = ConnectionStrings.GetRequired(builder.Configuration, connectionName);
        var clientName = builder.Environment.ApplicationName;

        builder.Services.AddSingleton<IConnectionFactory>(_ =>
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString),
                // After the first connection, broker restarts are survived by the client itself.
                AutomaticRecoveryEnabled = true,
                // Names the connection in the management UI.
                ClientProvidedName = clientName,
            };
            configureConnectionFactory?.Invoke(factory);
            return factory;
        });

        builder.Services.AddSingleton<RabbitMQConnectionProvider>();

        // Consumers inject IConnection as with Aspire. Resolving it blocks until the broker answers and throws
        // if it cannot be reached; the container does not cache a failed singleton, so the next resolution retries.
        builder.Services.AddSingleton(sp =>
            sp.GetRequiredService<RabbitMQConnectionProvider>().GetConnectionAsync(CancellationToken.None).GetAwaiter().GetResult());

        builder.Services.AddHealthChecks().AddCheck<RabbitMQHealthCheck>(
            connectionName,
            failureStatus: null,
            tags: DependencyHealthChecks.Tags,
            timeout: DependencyHealthChecks.Timeout);
    }
}
