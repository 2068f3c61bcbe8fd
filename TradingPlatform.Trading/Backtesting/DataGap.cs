namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// Bars missing from the data while the market was open: after the bar at <see cref="After"/>, the next one opened at
/// <see cref="Before"/>. A backtest reports gaps and trades across them as the market would (the next bar's open may
/// gap through a stop); it never invents prices to fill them.
/// </summary>
public sealed record DataGap(string Symbol, DateTimeOffset After, DateTimeOffset Before, int MissingBars);
