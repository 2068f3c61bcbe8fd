using System.Collections.Concurrent;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Market;

/// <summary>
/// The latest quote per symbol. The price feed publishes into it; orders read from it. Tests publish chosen quotes
/// into it to drive the market deterministically. On a replica that does not run the feed (it is not the leader), the
/// quotes come from the <see cref="IRemoteQuoteSource"/> (Redis): the newer of the local and the remote quote wins.
/// </summary>
public sealed class QuoteBook
{
    private readonly ConcurrentDictionary<string, Quote> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITickSubscriber[] _subscribers;
    private readonly ILogger<QuoteBook> _logger;
    private readonly IRemoteQuoteSource? _remote;

    public QuoteBook(IEnumerable<ITickSubscriber> subscribers, ILogger<QuoteBook> logger)
        : this(subscribers, logger, null)
    {
    }

    public QuoteBook(IEnumerable<ITickSubscriber> subscribers, ILogger<QuoteBook> logger, IRemoteQuoteSource? remote)
    {
        _subscribers = [.. subscribers];
        _logger = logger;
        _remote = remote;
    }

    public Quote? GetLatest(string symbol) => Newer(_latest.GetValueOrDefault(symbol), _remote?.Get(symbol));

    public IReadOnlyCollection<Quote> All
    {
        get
        {
            if (_remote is null)
            {
                return [.. _latest.Values];
            }

            var merged = new Dictionary<string, Quote>(_latest, StringComparer.OrdinalIgnoreCase);
            foreach (var quote in _remote.GetAll())
            {
                merged[quote.Symbol] = Newer(merged.GetValueOrDefault(quote.Symbol), quote)!;
            }

            return [.. merged.Values];
        }
    }

    /// <summary>
    /// Makes the ticks current, then tells every subscriber at once and waits for all of them; one failing subscriber
    /// does not stop the others. Concurrently, because they are independent and unequal: matching orders queries the
    /// database per symbol, and prices must not reach WebSocket clients only after that. Waiting for all before the
    /// next batch keeps each subscriber's ticks in order.
    /// </summary>
    public async ValueTask PublishAsync(IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        foreach (var tick in ticks)
        {
            _latest.AddOrUpdate(tick.Symbol, tick, (_, current) => tick.Timestamp >= current.Timestamp ? tick : current);
        }

        var notifying = new Task[_subscribers.Length];
        for (var i = 0; i < _subscribers.Length; i++)
        {
            notifying[i] = NotifyAsync(_subscribers[i], ticks, cancellationToken);
        }

        await Task.WhenAll(notifying);
    }

    private async Task NotifyAsync(ITickSubscriber subscriber, IReadOnlyList<Quote> ticks, CancellationToken cancellationToken)
    {
        // A subscriber's synchronous start (matching builds its query before its first await) must not delay the others.
        await Task.Yield();
        try
        {
            await subscriber.OnTicksAsync(ticks, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(exception, "Tick subscriber {Subscriber} failed", subscriber.GetType().Name);
        }
    }

    private static Quote? Newer(Quote? local, Quote? remote) =>
        local is null ? remote : remote is null || local.Timestamp >= remote.Timestamp ? local : remote;
}
