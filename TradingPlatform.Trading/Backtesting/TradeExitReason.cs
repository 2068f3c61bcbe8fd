namespace TradingPlatform.Trading.Backtesting;

/// <summary>Why a backtest's round trip ended.</summary>
public enum TradeExitReason
{
    /// <summary>The strategy's own exit or reversal signal.</summary>
    Signal,
    StopLoss,
    TakeProfit,
    Liquidation,

    /// <summary>Still open at the end of the test: closed at the last bar's close, with costs, so that every result is realised.</summary>
    EndOfTest,
}
