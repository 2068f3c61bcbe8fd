using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Signals;

/// <summary>
/// A trading signal (seed 003): a scored opinion about a symbol at a time. Signals are an append-only, market-wide
/// stream: they are never changed after they are recorded.
/// </summary>
public sealed class Signal
{
    public const decimal MinScore = -1m;
    public const decimal MaxScore = 1m;
    public const int MaxPatternLength = 64;

    /// <summary>The largest <see cref="Meta"/> document accepted, in UTF-8 bytes.</summary>
    public const int MaxMetaBytes = 8 * 1024;

    private Signal()
    {
    }

    public SignalId Id { get; private init; }

    public string Symbol { get; private init; } = "";

    /// <summary>When the signal applies (UTC, microsecond precision as PostgreSQL keeps it).</summary>
    public DateTimeOffset Time { get; private init; }

    /// <summary>-1 (strong sell) to 1 (strong buy).</summary>
    public decimal Score { get; private init; }

    public SignalSide Side { get; private init; }

    public string? Pattern { get; private init; }

    /// <summary>A JSON object (jsonb) or null.</summary>
    public string? Meta { get; private init; }

    public SignalSource Source { get; private init; } = new(SignalSourceKind.Internal);

    /// <summary>The strategy that produced it, when <see cref="SignalSource.Kind"/> is <see cref="SignalSourceKind.Strategy"/>.</summary>
    public StrategyId? StrategyId { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>Creates a valid signal; the symbol is stored as the catalog spells it. <paramref name="id"/>: a producer's own id (the AI service's), else a new one.</summary>
    /// <exception cref="ArgumentException">The symbol is unknown, the score is outside -1..1, or the pattern is too long.</exception>
    public static Signal Create(
        string symbol, DateTimeOffset time, decimal score, SignalSide side, SignalSource source, DateTimeOffset now,
        string? pattern = null, string? meta = null, StrategyId? strategyId = null, SignalId? id = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var instrument = InstrumentCatalog.Find(symbol) ?? throw new ArgumentException($"Unknown symbol '{symbol}'.", nameof(symbol));
        if (score is < MinScore or > MaxScore)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score is between -1 and 1.");
        }

        if (pattern is { Length: > MaxPatternLength })
        {
            throw new ArgumentException($"The pattern is at most {MaxPatternLength} characters.", nameof(pattern));
        }

        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown side.");
        }

        return new Signal
        {
            Id = id ?? SignalId.New(),
            Symbol = instrument.Symbol,
            Time = Microseconds(time),
            Score = score,
            Side = side,
            Pattern = string.IsNullOrWhiteSpace(pattern) ? null : pattern.Trim(),
            Meta = meta,
            Source = source,
            StrategyId = strategyId,
            CreatedAt = Microseconds(now),
        };
    }

    /// <summary>UTC, truncated to what timestamptz stores, so that a cursor built from this value matches the row.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
