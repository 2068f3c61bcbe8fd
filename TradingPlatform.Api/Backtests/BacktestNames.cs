using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Api.Backtests;

/// <summary>The API's snake_case spellings of the backtest enums.</summary>
internal static class BacktestNames
{
    public static string Status(BacktestStatus status) => status.ToString().ToLowerInvariant();

    public static string Path(IntrabarPath path) => path switch
    {
        IntrabarPath.HighFirst => "high_first",
        IntrabarPath.LowFirst => "low_first",
        _ => "nearer_extreme_first",
    };

    public static string ExitReason(TradeExitReason reason) => reason switch
    {
        TradeExitReason.StopLoss => "stop_loss",
        TradeExitReason.TakeProfit => "take_profit",
        TradeExitReason.EndOfTest => "end_of_test",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
