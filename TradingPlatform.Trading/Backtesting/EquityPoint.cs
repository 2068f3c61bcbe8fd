namespace TradingPlatform.Trading.Backtesting;

/// <summary>The account's equity (cash plus open positions marked at the bid for longs, the ask for shorts) at a bar's close.</summary>
public readonly record struct EquityPoint(DateTimeOffset At, decimal Equity);
