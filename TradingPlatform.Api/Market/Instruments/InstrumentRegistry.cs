using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Api.Market.Instruments;

/// <summary>
/// The instruments of <c>trading.instruments</c>, cached in memory: orders and the feed look symbols up here, never in
/// the database. Until the first load (right after the trading schema is seeded) it holds the catalog's defaults.
/// <see cref="ReloadAsync"/> picks up operators' edits.
/// </summary>
public sealed class InstrumentRegistry(IServiceScopeFactory scopes, ILogger<InstrumentRegistry> logger)
{
    private volatile Snapshot _snapshot = new(InstrumentCatalog.Defaults, 0);

    /// <summary>Every instrument (active or not), in symbol order.</summary>
    public IReadOnlyList<Instrument> All => _snapshot.Ordered;

    /// <summary>Bumped on every reload, so caches built from the registry know when to refresh.</summary>
    public int Version => _snapshot.Version;

    /// <summary>The instrument with this symbol (case-insensitive), or null.</summary>
    public Instrument? Find(string? symbol) =>
        symbol is not null && _snapshot.BySymbol.TryGetValue(symbol, out var instrument) ? instrument : null;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var instruments = await db.Set<Instrument>().AsNoTracking().ToListAsync(cancellationToken);
        _snapshot = new Snapshot(instruments, _snapshot.Version + 1);
        logger.LogInformation("Loaded {Count} instruments", instruments.Count);
    }

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<Instrument> instruments, int version)
        {
            Ordered = [.. instruments.OrderBy(i => i.Symbol, StringComparer.Ordinal)];
            BySymbol = Ordered.ToFrozenDictionary(i => i.Symbol, StringComparer.OrdinalIgnoreCase);
            Version = version;
        }

        public IReadOnlyList<Instrument> Ordered { get; }

        public FrozenDictionary<string, Instrument> BySymbol { get; }

        public int Version { get; }
    }
}
