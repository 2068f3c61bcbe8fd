using System.Diagnostics.CodeAnalysis;

namespace TradingPlatform.Trading.Market;

/// <summary>
/// A candle length: 1m, 5m, 15m, 1h, 4h or 1d. Every one divides a UTC day, so candles align to UTC boundaries
/// (a 4h candle opens at 00:00, 04:00, … UTC; a daily one at 00:00 UTC).
/// </summary>
public readonly record struct CandleInterval
{
    private CandleInterval(string code, TimeSpan duration)
    {
        Code = code;
        Duration = duration;
    }

    public static CandleInterval OneMinute { get; } = new("1m", TimeSpan.FromMinutes(1));
    public static CandleInterval FiveMinutes { get; } = new("5m", TimeSpan.FromMinutes(5));
    public static CandleInterval FifteenMinutes { get; } = new("15m", TimeSpan.FromMinutes(15));
    public static CandleInterval OneHour { get; } = new("1h", TimeSpan.FromHours(1));
    public static CandleInterval FourHours { get; } = new("4h", TimeSpan.FromHours(4));
    public static CandleInterval OneDay { get; } = new("1d", TimeSpan.FromDays(1));

    /// <summary>Shortest first; each one is a whole multiple of the one before it.</summary>
    public static IReadOnlyList<CandleInterval> All { get; } = [OneMinute, FiveMinutes, FifteenMinutes, OneHour, FourHours, OneDay];

    public static string Codes => string.Join(", ", All.Select(i => i.Code));

    public string Code { get; }

    public TimeSpan Duration { get; }

    /// <summary>The next longer interval (5m after 1m, …), or null after 1d.</summary>
    public CandleInterval? Next
    {
        get
        {
            var index = All.ToList().IndexOf(this);
            return index >= 0 && index < All.Count - 1 ? All[index + 1] : null;
        }
    }

    public static bool TryParse(string? code, [NotNullWhen(true)] out CandleInterval? interval)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code, code, StringComparison.Ordinal))
            {
                interval = candidate;
                return true;
            }
        }

        interval = null;
        return false;
    }

    public static CandleInterval Parse(string code) =>
        TryParse(code, out var interval) ? interval.Value : throw new FormatException($"'{code}' is not an interval; use one of {Codes}.");

    /// <summary>The open time of the candle that contains <paramref name="instant"/>.</summary>
    public DateTimeOffset Floor(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % Duration.Ticks), TimeSpan.Zero);
    }

    public bool IsAligned(DateTimeOffset instant) => instant.UtcTicks % Duration.Ticks == 0;

    public override string ToString() => Code;
}
