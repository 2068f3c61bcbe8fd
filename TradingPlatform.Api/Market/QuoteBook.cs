using System.Collections.Concurrent;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market;

/// <summary>
/// The latest quote per symbol. The price feed publishes into it; orders read from it. Tests publish chosen quotes
/// into it to drive the market deterministically.
/// </summary>
public sealed class QuoteBook(IEnumerable<ITickSubscriber> subscribers, ILogger<QuoteBook> logger)
{
    private readonly ConcurrentDictionary<string, Quote> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITickSubscriber[] _subscribers = [.. subscribers];

    public Quote? GetLatest(string symbol) => _latest.GetValueOrDefault(symbol);

    public IReadOnlyCollection<Quote> All => [.. _latest.Values];

    /// <summary>Makes the ticks current, then tells every subscriber; one failing subscriber does not stop the others.</summary>
    public async ValueTask PublishAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        foreach (var tick in ticks)
        {
            _latest.AddOrUpdate(tick.Symbol, tick, (_, current) => tick.Timestamp >= current.Timestamp ? tick : current);
        }

        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber.OnTicksAsync(ticks, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Tick subscriber {Subscriber} failed", subscriber.GetType().Name);
            }
        }
    }
}
