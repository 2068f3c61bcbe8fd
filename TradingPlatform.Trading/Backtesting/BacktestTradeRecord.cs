using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>One round trip of a completed backtest (table <c>trading.backtest_trades</c>), numbered from 1 in exit order.</summary>
public sealed class BacktestTradeRecord
{
    public required BacktestId BacktestId { get; init; }

    public required int Number { get; init; }

    public required string Symbol { get; init; }

    public required PositionSide Side { get; init; }

    public required decimal Quantity { get; init; }

    public required DateTimeOffset EntryAt { get; init; }

    public required decimal EntryPrice { get; init; }

    public required DateTimeOffset ExitAt { get; init; }

    public required decimal ExitPrice { get; init; }

    public required decimal GrossPnl { get; init; }

    public required decimal Fees { get; init; }

    public required decimal NetPnl { get; init; }

    public required TradeExitReason ExitReason { get; init; }

    public static BacktestTradeRecord From(BacktestId backtest, int number, BacktestTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new BacktestTradeRecord
        {
            BacktestId = backtest, Number = number, Symbol = trade.Symbol, Side = trade.Side, Quantity = trade.Quantity,
            EntryAt = trade.EntryAt, EntryPrice = trade.EntryPrice, ExitAt = trade.ExitAt, ExitPrice = trade.ExitPrice,
            GrossPnl = trade.GrossPnl, Fees = trade.Fees, NetPnl = trade.NetPnl, ExitReason = trade.ExitReason,
        };
    }
}
