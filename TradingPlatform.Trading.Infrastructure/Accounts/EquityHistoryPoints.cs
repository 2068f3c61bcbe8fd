namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>The four past instants a portfolio compares today's equity with (a day, a week, a month and a year ago).</summary>
public sealed record EquityHistoryPoints(DateTimeOffset Day, DateTimeOffset Week, DateTimeOffset Month, DateTimeOffset Year)
{
    public static EquityHistoryPoints Before(DateTimeOffset now) => new(now.AddDays(-1), now.AddDays(-7), now.AddMonths(-1), now.AddYears(-1));
}
