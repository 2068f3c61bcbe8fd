namespace TradingPlatform.Trading.Accounts;

/// <summary>
/// A trading account (seed 004). <see cref="Balance"/> is cash: it changes only through ledger postings, so it always
/// equals the sum of the account's ledger entries. Equity, margin and P&amp;L are derived from positions and quotes.
/// </summary>
public sealed class TradingAccount
{
    public const string Currency = "USD";

    public required AccountId Id { get; init; }

    public required Guid OwnerId { get; init; }

    public required string Name { get; set; }

    public required bool IsDemo { get; init; }

    public required int MaxLeverage { get; set; }

    /// <summary>Once the day's loss reaches this, orders that add exposure are refused until the next UTC day.</summary>
    public decimal? MaxDailyLoss { get; set; }

    public required decimal InitialBalance { get; init; }

    public decimal Balance { get; internal set; }

    public decimal RealizedPnl { get; internal set; }

    /// <summary>Equity at the start of <see cref="TradingDay"/>, for the daily loss limit and day P&amp;L.</summary>
    public decimal DayStartEquity { get; set; }

    public DateOnly TradingDay { get; set; }

    public bool IsDefault { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsDeleted => DeletedAt is not null;
}
