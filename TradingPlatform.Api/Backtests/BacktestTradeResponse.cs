using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Api.Backtests;

/// <summary>One round trip of a backtest: volume-weighted entry and exit, gross P&amp;L, fees, net P&amp;L and why it ended.</summary>
public sealed record BacktestTradeResponse(
    int Number,
    string Symbol,
    string Side,
    decimal Quantity,
    DateTimeOffset EntryAt,
    decimal EntryPrice,
    DateTimeOffset ExitAt,
    decimal ExitPrice,
    decimal GrossPnl,
    decimal Fees,
    decimal NetPnl,
    string ExitReason)
{
    public static BacktestTradeResponse From(BacktestTradeRecord trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new BacktestTradeResponse(trade.Number, trade.Symbol, trade.Side.ToString().ToLowerInvariant(), trade.Quantity, trade.EntryAt,
            trade.EntryPrice, trade.ExitAt, trade.ExitPrice, trade.GrossPnl, trade.Fees, trade.NetPnl, BacktestNames.ExitReason(trade.ExitReason));
    }
}
