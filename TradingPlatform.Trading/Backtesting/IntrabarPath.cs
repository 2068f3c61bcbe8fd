namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// The order in which a backtest visits a bar's prices, since a bar says how far the price went but not in which
/// order. Every path starts at the open and ends at the close; whichever path is chosen, a bar that reaches both a
/// position's stop-loss and its take-profit resolves the stop-loss first (the adverse extreme is visited first), as a
/// live tick that reaches both does.
/// </summary>
public enum IntrabarPath
{
    /// <summary>Open → the extreme nearer to the open → the farther one → close (the default; the usual OHLC assumption).</summary>
    NearerExtremeFirst,

    /// <summary>Open → high → low → close.</summary>
    HighFirst,

    /// <summary>Open → low → high → close.</summary>
    LowFirst,
}
