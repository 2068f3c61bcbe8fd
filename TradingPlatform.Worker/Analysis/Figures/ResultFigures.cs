using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Worker.Analysis.Figures;

/// <summary>
/// The realised results of a set of fills (a strategy's or an account's). A trade is a fill that realised P&amp;L (a
/// closing fill), as the strategy's performance counts them. All percentages are 0–100.
/// </summary>
/// <param name="Trades">Closing fills.</param>
/// <param name="WinRate">Share of closing fills whose P&amp;L net of their commission is positive, percent.</param>
/// <param name="GrossPnl">Σ realised P&amp;L before fees.</param>
/// <param name="Fees">Σ commission of every fill, opening ones included.</param>
/// <param name="NetPnl">Gross P&amp;L − fees.</param>
/// <param name="Expectancy">Net P&amp;L per trade.</param>
/// <param name="AverageWin">Mean net P&amp;L of the winning trades.</param>
/// <param name="AverageLoss">Mean net P&amp;L of the losing trades (negative).</param>
/// <param name="Sharpe">The strategy performance's Sharpe ratio of daily net P&amp;L, annualised.</param>
/// <param name="MaxDrawdown">Deepest fall of capital base + cumulative net P&amp;L from its running peak, percent.</param>
/// <param name="MaxLeverageUsed">Highest leverage an order behind the fills asked for.</param>
/// <param name="AverageLeverageUsed">Mean of the fills' order leverage.</param>
/// <param name="WorstLossMove">The largest adverse price move a losing trade realised, percent of its entry price.</param>
public sealed record ResultFigures(
    int Trades,
    decimal WinRate,
    decimal GrossPnl,
    decimal Fees,
    decimal NetPnl,
    decimal Expectancy,
    decimal AverageWin,
    decimal AverageLoss,
    decimal Sharpe,
    decimal MaxDrawdown,
    int MaxLeverageUsed,
    decimal AverageLeverageUsed,
    decimal WorstLossMove)
{
    public static ResultFigures Empty { get; } = new(0, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0, 0m, 0m);

    /// <summary>Fees as a share of the gross P&amp;L's size, percent; 0 without gross P&amp;L.</summary>
    public decimal FeeShareOfGross => GrossPnl == 0m ? 0m : Math.Round(100m * Fees / Math.Abs(GrossPnl), 2);

    /// <param name="capitalBase">What the drawdown is measured against (the account's initial balance).</param>
    public static ResultFigures Calculate(IEnumerable<FillRecord> fills, decimal capitalBase)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var ordered = fills.OrderBy(f => f.ExecutedAt).ToList();
        if (ordered.Count == 0)
        {
            return Empty;
        }

        var closing = ordered.Where(f => f.RealizedPnl != 0m).ToList();
        var nets = closing.Select(f => f.RealizedPnl - f.Commission).ToList();
        var wins = nets.Where(n => n > 0m).ToList();
        var losses = nets.Where(n => n < 0m).ToList();
        var gross = ordered.Sum(f => f.RealizedPnl);
        var fees = ordered.Sum(f => f.Commission);
        var net = gross - fees;
        var sharpe = StrategyPerformance.Calculate(closing.Select(f => new ClosedTrade("", f.ExecutedAt, f.RealizedPnl - f.Commission))).SharpeRatio;
        var worstMove = closing.Where(f => f.RealizedPnl < 0m && f.EntryPrice > 0m && f.Quantity > 0m)
            .Select(f => -f.RealizedPnl / (f.EntryPrice * f.Quantity) * 100m).DefaultIfEmpty(0m).Max();
        return new ResultFigures(
            closing.Count,
            closing.Count == 0 ? 0m : Math.Round(100m * wins.Count / closing.Count, 2),
            gross,
            fees,
            net,
            closing.Count == 0 ? 0m : Math.Round(net / closing.Count, 2),
            wins.Count == 0 ? 0m : Math.Round(wins.Average(), 2),
            losses.Count == 0 ? 0m : Math.Round(losses.Average(), 2),
            sharpe,
            DeepestDrawdown(ordered, capitalBase),
            ordered.Max(f => f.Leverage),
            Math.Round((decimal)ordered.Average(f => f.Leverage), 2),
            Math.Round(worstMove, 2));
    }

    /// <summary>max over t of (peak − equity_t) / peak, equity = base + cumulative net P&amp;L after each fill; percent.</summary>
    private static decimal DeepestDrawdown(IEnumerable<FillRecord> ordered, decimal capitalBase)
    {
        if (capitalBase <= 0m)
        {
            return 0m;
        }

        var equity = capitalBase;
        var peak = capitalBase;
        var deepest = 0m;
        foreach (var fill in ordered)
        {
            equity += fill.RealizedPnl - fill.Commission;
            peak = Math.Max(peak, equity);
            deepest = Math.Max(deepest, (peak - equity) / peak);
        }

        return Math.Round(100m * deepest, 2);
    }
}
