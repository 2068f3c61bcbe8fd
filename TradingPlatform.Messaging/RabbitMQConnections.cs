using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace TradingPlatform.Messaging;

/// <summary>
/// The application's one RabbitMQ connection, as Aspire's <c>AddRabbitMQClient</c> registers it: a singleton created on
/// first resolution (the services keep its auto-activation off, so a broker that is down cannot fail start-up). Resolving
/// blocks while connecting (through the connect retries the client is configured with; the services set none) and throws
/// when the broker cannot be reached; the container caches no failure, so the caller's next attempt connects anew, and
/// once connected the client's automatic recovery survives broker restarts.
/// </summary>
public static class RabbitMQConnections
{
    /// <summary>
    /// Resolves off the caller's thread. The caller stops waiting when <paramref name="cancellationToken"/> fires (a host
    /// that is stopping), even though the blocked resolution itself cannot be cancelled and finishes in the background.
    /// </summary>
    public static Task<IConnection> GetAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        Task.Run(services.GetRequiredService<IConnection>, cancellationToken).WaitAsync(cancellationToken);
}
