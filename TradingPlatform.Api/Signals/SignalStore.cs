using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Signals;

/// <summary>
/// Records and reads the market-wide signals stream. Strategies and (later) the AI service call
/// <see cref="RecordAsync"/> in-process with their <see cref="SignalSource"/>; the admin endpoint uses it too. Each
/// recorded signal writes a <see cref="SignalGeneratedIntegrationEvent"/> to the outbox in the same SaveChanges.
/// </summary>
public sealed class SignalStore(TradingDbContext db, IOutbox outbox, TimeProvider time, ILogger<SignalStore> logger)
{
    /// <summary>Validates and stores a signal.</summary>
    /// <exception cref="ArgumentException">Unknown symbol or strategy, score outside -1..1, meta not a small JSON object.</exception>
    public async Task<Signal> RecordAsync(NewSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.StrategyId is { } strategyId && !await StrategyExistsAsync(strategyId, cancellationToken))
        {
            throw new ArgumentException($"Unknown strategy {strategyId}.", nameof(signal));
        }

        if (signal.Id is { } given && await FindAsync(given, cancellationToken) is { } existing)
        {
            // A producer's id seen before (a redelivered AI signal): the stored signal, nothing published again.
            return existing;
        }

        var now = time.GetUtcNow();
        var entity = Signal.Create(
            signal.Symbol, signal.Time ?? now, signal.Score, signal.Side, signal.Source, now, signal.Pattern, MetaJson(signal.Meta), signal.StrategyId, signal.Id);
        db.Add(entity);
        // The contract speaks buy/sell/hold with a confidence of 0..1; the stream's score is signed (-1..1).
        var side = entity.Side switch { SignalSide.Buy => "buy", SignalSide.Sell => "sell", _ => "hold" };
        outbox.Add(new SignalGeneratedIntegrationEvent(
            entity.Id.Value, entity.Symbol, side, Math.Abs(entity.Score), signal.Reasoning ?? entity.Pattern, signal.Price,
            entity.Source.Kind.ToString().ToLowerInvariant(), entity.Time) { OccurredAt = now });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Signal {SignalId} recorded: {Symbol} {Side} {Score} from {SourceKind}", entity.Id, entity.Symbol, entity.Side, entity.Score, entity.Source.Kind);
        return entity;
    }

    public Task<bool> StrategyExistsAsync(StrategyId id, CancellationToken cancellationToken) =>
        db.Set<Strategy>().AnyAsync(s => s.Id == id, cancellationToken);

    public Task<Signal?> FindAsync(SignalId id, CancellationToken cancellationToken) =>
        db.Set<Signal>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>
    /// A page newest first by (time, id). <see cref="SignalPage.Total"/> counts all matches of the filters, whatever
    /// the cursor; the cursor is a keyset position, so signals recorded meanwhile never shift or repeat a page.
    /// </summary>
    public async Task<SignalPage> ListAsync(SignalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var signals = db.Set<Signal>().AsNoTracking();
        if (query.Symbol is { } symbol)
        {
            signals = signals.Where(s => s.Symbol == symbol);
        }

        if (query.MinScore is { } minScore)
        {
            signals = signals.Where(s => s.Score >= minScore);
        }

        if (query.Since is { } since)
        {
            var utc = since.ToUniversalTime();
            signals = signals.Where(s => s.Time >= utc);
        }

        var total = await signals.LongCountAsync(cancellationToken);
        if (query.After is { } after)
        {
            var afterTime = after.Time.ToUniversalTime();
            var afterId = after.Id;
            signals = signals.Where(s => s.Time < afterTime || (s.Time == afterTime && s.Id < afterId));
        }

        var items = await signals.OrderByDescending(s => s.Time).ThenByDescending(s => s.Id)
            .Take(query.Limit + 1).ToListAsync(cancellationToken);
        if (items.Count <= query.Limit)
        {
            return new SignalPage(items, null, total);
        }

        items.RemoveAt(items.Count - 1);
        return new SignalPage(items, SignalCursor.After(items[^1]), total);
    }

    private static string? MetaJson(JsonElement? meta)
    {
        if (meta is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The meta is a JSON object.", nameof(meta));
        }

        var json = value.GetRawText();
        return Encoding.UTF8.GetByteCount(json) <= Signal.MaxMetaBytes
            ? json
            : throw new ArgumentException($"The meta is at most {Signal.MaxMetaBytes / 1024} KiB of JSON.", nameof(meta));
    }
}
