using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Fails every signal for <see cref="Symbol"/> (a handler with a bug), and counts its attempts.</summary>
public sealed class PoisonSymbolHandler(PoisonAttempts attempts) : TradingPlatform.Messaging.IIntegrationEventHandler<SignalGeneratedIntegrationEvent>
{
    public const string Symbol = "XAU-USD";

    public Task HandleAsync(SignalGeneratedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (integrationEvent.Symbol != Symbol)
        {
            return Task.CompletedTask;
        }

        attempts.Increment(integrationEvent.SignalId);
        throw new InvalidOperationException($"The handler cannot take signals for {Symbol}.");
    }
}
