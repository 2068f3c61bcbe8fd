using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Trading.Market;

/// <summary>
/// The simulated market of many instruments: each has its own <see cref="PriceProcess"/> seeded from the market's
/// seed and its symbol. <see cref="Tick"/> quotes every active instrument whose market is open; closed markets get no
/// ticks (their price moves over the closure and gaps at the next open).
/// </summary>
public sealed class MarketSimulator(int seed)
{
    private readonly Dictionary<string, PriceProcess> _processes = new(StringComparer.OrdinalIgnoreCase);

    public int Seed { get; } = seed;

    public IReadOnlyCollection<string> Symbols => _processes.Keys;

    public bool Contains(string symbol) => _processes.ContainsKey(symbol);

    /// <summary>Starts (or restarts) an instrument at <paramref name="startPrice"/> as of <paramref name="startTime"/>.</summary>
    public void Add(Instrument instrument, decimal startPrice, DateTimeOffset startTime)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        _processes[instrument.Symbol] = new PriceProcess(instrument, startPrice, startTime, StableSeed.For(Seed, instrument.Symbol, "live"));
    }

    /// <summary>Takes operator edits of an instrument already in the market.</summary>
    public void Update(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_processes.TryGetValue(instrument.Symbol, out var process))
        {
            process.Update(instrument);
        }
    }

    public bool Remove(string symbol) => _processes.Remove(symbol);

    public PriceProcess? Find(string symbol) => _processes.GetValueOrDefault(symbol);

    /// <summary>One tick at <paramref name="now"/>: a quote per active instrument whose market is open, in symbol order.</summary>
    public IReadOnlyList<Quote> Tick(DateTimeOffset now)
    {
        var quotes = new List<Quote>(_processes.Count);
        foreach (var (_, process) in _processes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (process.Instrument.Active && process.Instrument.Hours.IsOpen(now) && now > process.Time)
            {
                quotes.Add(process.QuoteAt(now));
            }
        }

        return quotes;
    }
}
