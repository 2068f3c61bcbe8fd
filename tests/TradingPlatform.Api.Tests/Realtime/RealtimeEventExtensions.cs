using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>The one order of a single-order change (what <see cref="RealtimeEvents.SyntheticOrder"/> and <see cref="RealtimeEvents.OrderUpdated"/> make).</summary>
public static class RealtimeEventExtensions
{
    extension(AccountChangedIntegrationEvent change)
    {
        public OrderSnapshot Order => Assert.Single(change.Orders);
    }
}
