namespace TradingPlatform.Trading.Instruments;

/// <summary>
/// When an instrument trades: always (crypto), or a set of weekly sessions in the exchange's time zone (forex
/// Sunday 17:00 to Friday 17:00 New York time; US stocks 09:30–16:00 New York, Monday to Friday; futures and metals
/// with a daily one-hour break). Exchange holidays are not modelled.
/// </summary>
public sealed class TradingHours
{
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<TradingSession> _sessions;

    private TradingHours(string description, TimeZoneInfo zone, IReadOnlyList<TradingSession> sessions)
    {
        Description = description;
        _zone = zone;
        _sessions = sessions;
    }

    public static TradingHours AlwaysOpen { get; } = new("24/7", TimeZoneInfo.Utc, []);

    public string Description { get; }

    public string TimeZone => _zone.Id;

    public bool IsAlwaysOpen => _sessions.Count == 0;

    public IReadOnlyList<TradingSession> Sessions => _sessions;

    public static TradingHours Weekly(string description, string timeZoneId, params TradingSession[] sessions) =>
        new(description, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), sessions);

    /// <summary>The same window every weekday (Monday to Friday), e.g. 09:30–16:00.</summary>
    public static TradingHours Weekdays(string description, string timeZoneId, TimeSpan open, TimeSpan close) =>
        Weekly(description, timeZoneId,
            [.. Enumerable.Range((int)DayOfWeek.Monday, 5).Select(day => new TradingSession((DayOfWeek)day, open, (DayOfWeek)day, close))]);

    public bool IsOpen(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var offset = WeekOffset(instant);
        return _sessions.Any(session => session.Contains(offset));
    }

    /// <summary>
    /// The end of the session that contains <paramref name="instant"/> (when DAY orders expire), or for an always-open
    /// market the next 00:00 UTC. Null when the market is closed at <paramref name="instant"/>.
    /// </summary>
    public DateTimeOffset? SessionEnd(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return new DateTimeOffset(instant.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        }

        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        var weekStart = local.Date.AddDays(-(int)local.DayOfWeek);
        var offset = local.DateTime - weekStart;
        foreach (var session in _sessions)
        {
            var shift = offset >= session.OpenOffset && offset < session.CloseOffset ? TimeSpan.Zero
                : offset + TimeSpan.FromDays(7) >= session.OpenOffset && offset + TimeSpan.FromDays(7) < session.CloseOffset ? TimeSpan.FromDays(-7)
                : (TimeSpan?)null;
            if (shift is { } weekShift)
            {
                var endLocal = weekStart + weekShift + session.CloseOffset;
                return new DateTimeOffset(endLocal, _zone.GetUtcOffset(endLocal)).ToUniversalTime();
            }
        }

        return null;
    }

    private TimeSpan WeekOffset(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        return local.TimeOfDay + TimeSpan.FromDays((int)local.DayOfWeek);
    }
}
