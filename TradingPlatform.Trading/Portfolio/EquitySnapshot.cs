using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Trading.Portfolio;

/// <summary>An account's equity at one instant; the portfolio's daily to yearly performance compares against these.</summary>
public sealed class EquitySnapshot
{
    public long Id { get; private set; }

    public required AccountId AccountId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required decimal Equity { get; init; }

    public required decimal Balance { get; init; }
}
