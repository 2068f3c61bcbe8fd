using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Infrastructure.Market;

/// <summary>
/// The market as a service without the price feed sees it (the Worker's jobs): the instruments as stored in
/// <c>trading.instruments</c>, read once when the view is loaded, and the latest quotes the feed's leader writes to
/// Redis. The Api's own view reads its in-memory registry and quote book instead; both give the execution simulator
/// the same instruments and prices.
/// </summary>
public sealed class StoredMarketView : IMarketView
{
    private readonly FrozenDictionary<string, Instrument> _instruments;
    private readonly IRemoteQuoteSource _quotes;

    private StoredMarketView(IEnumerable<Instrument> instruments, IRemoteQuoteSource quotes)
    {
        _instruments = instruments.ToFrozenDictionary(i => i.Symbol, StringComparer.OrdinalIgnoreCase);
        _quotes = quotes;
    }

    /// <summary>Every stored instrument, active or not.</summary>
    public IEnumerable<Instrument> Instruments => _instruments.Values;

    public static async Task<StoredMarketView> LoadAsync(TradingDbContext db, IRemoteQuoteSource quotes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(quotes);
        return new StoredMarketView(await db.Set<Instrument>().AsNoTracking().ToListAsync(cancellationToken), quotes);
    }

    public Instrument? FindInstrument(string symbol) => _instruments.GetValueOrDefault(symbol);

    public Quote? LatestQuote(string symbol) => _quotes.Get(symbol);
}
