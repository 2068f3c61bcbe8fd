namespace TradingPlatform.Trading.Infrastructure.Accounts;

/// <summary>An account's equity at each of the <see cref="EquityHistoryPoints"/>: the last snapshot at or before it, null where none was taken.</summary>
public sealed record EquityHistory(decimal? Day, decimal? Week, decimal? Month, decimal? Year);
