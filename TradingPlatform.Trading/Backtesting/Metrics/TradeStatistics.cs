using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// The per-trade figures of <see cref="BacktestMetrics"/>, on <see cref="BacktestTrade.NetPnl"/>: a win is above zero,
/// a loss below, a break-even trade neither (it still counts in <see cref="Total"/> and in the expectancy). Sums are
/// exact in decimal; the money figures are rounded to the cent once, at the end.
/// </summary>
internal sealed record TradeStatistics(
    int Total,
    int Wins,
    int Losses,
    double WinRate,
    double? ProfitFactor,
    decimal Expectancy,
    decimal AverageWin,
    decimal AverageLoss,
    decimal LargestWin,
    decimal LargestLoss)
{
    public static TradeStatistics Of(IReadOnlyList<BacktestTrade> trades)
    {
        var net = trades.Select(t => t.NetPnl).ToList();
        var wins = net.Where(p => p > 0m).ToList();
        var losses = net.Where(p => p < 0m).ToList();
        var grossWin = wins.Sum();
        var grossLoss = losses.Sum();
        return new TradeStatistics(
            Total: net.Count,
            Wins: wins.Count,
            Losses: losses.Count,
            WinRate: net.Count == 0 ? 0 : (double)wins.Count / net.Count,
            ProfitFactor: losses.Count == 0 ? null : (double)(grossWin / -grossLoss),
            Expectancy: MeanOrZero(net),
            AverageWin: MeanOrZero(wins),
            AverageLoss: MeanOrZero(losses),
            LargestWin: wins.Count == 0 ? 0m : Money.Round(wins.Max()),
            LargestLoss: losses.Count == 0 ? 0m : Money.Round(losses.Min()));
    }

    private static decimal MeanOrZero(List<decimal> values) => values.Count == 0 ? 0m : Money.Round(values.Sum() / values.Count);
}
