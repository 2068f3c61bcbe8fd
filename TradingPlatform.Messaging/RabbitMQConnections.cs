using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace TradingPlatform.Messaging;

/// <summary>
/// The application's one RabbitMQ connection, as ServiceDefaults' <c>AddRabbitMQClient</c> registers it. Resolving it
/// blocks until the broker answers and throws when it cannot be reached (a failed resolution is not cached, so the
/// next one retries), hence off the caller's thread.
/// </summary>
internal static class RabbitMQConnections
{
    public static Task<IConnection> GetAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.Run(services.GetRequiredService<IConnection>, cancellationToken);
}
