using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market;

/// <summary>
/// Told about every batch of ticks this replica publishes (only the feed's leader publishes), after the quotes are
/// visible through <see cref="QuoteBook"/>. Resting orders, stop-losses and liquidations are triggered this way.
/// </summary>
public interface ITickSubscriber
{
    ValueTask OnTicksAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken);
}
