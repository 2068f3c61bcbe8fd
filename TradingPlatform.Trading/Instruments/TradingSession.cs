namespace TradingPlatform.Trading.Instruments;

/// <summary>One weekly window in the exchange's local time, e.g. Monday 09:30–16:00. A window may cross midnight.</summary>
public sealed record TradingSession(DayOfWeek OpenDay, TimeSpan OpenTime, DayOfWeek CloseDay, TimeSpan CloseTime)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    internal TimeSpan OpenOffset => TimeSpan.FromDays((int)OpenDay) + OpenTime;

    internal TimeSpan CloseOffset
    {
        get
        {
            var close = TimeSpan.FromDays((int)CloseDay) + CloseTime;
            return close <= OpenOffset ? close + Week : close;
        }
    }

    /// <summary>Whether <paramref name="weekOffset"/> (time since Sunday 00:00 local) lies in this window.</summary>
    internal bool Contains(TimeSpan weekOffset) =>
        (weekOffset >= OpenOffset && weekOffset < CloseOffset) ||
        (weekOffset + Week >= OpenOffset && weekOffset + Week < CloseOffset);
}
