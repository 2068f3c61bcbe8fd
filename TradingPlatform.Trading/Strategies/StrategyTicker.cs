using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// A strategy fed tick by tick, as it runs live and as a tick-replay backtest runs it: the ticks of each symbol form
/// bars of the strategy's interval; a bar is complete at the first tick of the next one, which hands it to the
/// <see cref="StrategyTrader"/>, and a signal it raises trades at that same tick (the first price after the close).
/// </summary>
public sealed class StrategyTicker(StrategyTrader trader, CandleInterval interval)
{
    private readonly Dictionary<string, CandleBuilder> _builders = new(StringComparer.OrdinalIgnoreCase);

    public StrategyTrader Trader { get; } = trader ?? throw new ArgumentNullException(nameof(trader));

    public CandleInterval Interval { get; } = interval;

    /// <summary>Feeds one tick; returns the signal when the bar it completed changed the algorithm's target.</summary>
    public StrategySignal? Advance(Quote quote) => Advance(quote, out _);

    /// <summary>As <see cref="Advance(Quote)"/>, also giving the bar the tick completed, if any.</summary>
    public StrategySignal? Advance(Quote quote, out Candle? completed)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (!_builders.TryGetValue(quote.Symbol, out var builder))
        {
            _builders[quote.Symbol] = builder = new CandleBuilder(quote.Symbol, Interval);
        }

        completed = builder.Add(quote);
        return completed is null ? null : Trader.OnBarClosed(completed);
    }

    public bool HasPending(string symbol) => Trader.HasPending(symbol);

    /// <summary>Trades a pending target at this tick, through the venue (see <see cref="StrategyTrader.OnQuote"/>).</summary>
    public StrategyAction? Trade(AccountBook book, Quote quote, IMarketView market, DateTimeOffset now) => Trader.OnQuote(book, quote, market, now);

    /// <summary>
    /// Gives the algorithm its history (stored bars before the first tick), so its indicators are ready when it starts
    /// live; what it would have signalled during the warm-up is not traded.
    /// </summary>
    public void WarmUp(IEnumerable<Candle> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        foreach (var bar in bars)
        {
            Trader.OnBarClosed(bar);
        }

        Trader.ClearPending();
    }
}
