using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>Holds each account change in <see cref="ConcurrencyProbe"/> (keyed by account) while it counts who else is running.</summary>
public sealed class ProbeHandler(ConcurrencyProbe probe) : IIntegrationEventHandler<AccountChangedIntegrationEvent>
{
    public async Task HandleAsync(AccountChangedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        await probe.EnterAsync(integrationEvent.AccountId, cancellationToken);
        probe.Exit(integrationEvent.AccountId);
    }
}
