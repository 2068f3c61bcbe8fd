using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Optimization;

/// <summary>Names, values and ranking scores of the <see cref="SweepObjective"/>s.</summary>
public static class SweepObjectives
{
    private static readonly Dictionary<string, SweepObjective> ByCode = Enum.GetValues<SweepObjective>()
        .ToDictionary(Code, o => o, StringComparer.OrdinalIgnoreCase);

    /// <summary>The API's name: sharpe, sortino, cagr, total_return, calmar, profit_factor, net_profit, win_rate, expectancy, max_drawdown.</summary>
    public static string Code(SweepObjective objective) => objective switch
    {
        SweepObjective.TotalReturn => "total_return",
        SweepObjective.ProfitFactor => "profit_factor",
        SweepObjective.NetProfit => "net_profit",
        SweepObjective.WinRate => "win_rate",
        SweepObjective.MaxDrawdown => "max_drawdown",
        _ => objective.ToString().ToLowerInvariant(),
    };

    public static string Codes => string.Join(", ", ByCode.Keys);

    /// <exception cref="ArgumentException">The code names no objective.</exception>
    public static SweepObjective Parse(string code) =>
        code is not null && ByCode.TryGetValue(code, out var objective)
            ? objective
            : throw new ArgumentException($"Unknown objective '{code}'; use one of {Codes}.", nameof(code));

    public static bool TryParse(string? code, out SweepObjective objective) => ByCode.TryGetValue(code ?? "", out objective);

    public static bool IsMinimised(SweepObjective objective) => objective == SweepObjective.MaxDrawdown;

    /// <summary>
    /// The objective's figure as reported. A profit factor without losses has none (null in the metrics): it is +∞ when
    /// the test won something (nothing beats a record without a loss) and NaN when it made no winning trade at all.
    /// </summary>
    public static double Value(BacktestMetrics metrics, SweepObjective objective)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return objective switch
        {
            SweepObjective.Sharpe => metrics.Sharpe,
            SweepObjective.Sortino => metrics.Sortino,
            SweepObjective.Cagr => metrics.Cagr,
            SweepObjective.TotalReturn => metrics.TotalReturn,
            SweepObjective.Calmar => metrics.Calmar,
            SweepObjective.ProfitFactor => metrics.ProfitFactor ?? (metrics.WinningTrades > 0 ? double.PositiveInfinity : double.NaN),
            SweepObjective.NetProfit => (double)metrics.NetProfit,
            SweepObjective.WinRate => metrics.WinRate,
            SweepObjective.Expectancy => (double)metrics.Expectancy,
            SweepObjective.MaxDrawdown => metrics.MaxDrawdown,
            _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown objective."),
        };
    }

    /// <summary>Higher is better: the value, negated for a minimised objective; NaN stays NaN (ranked last).</summary>
    public static double Score(double value, SweepObjective objective) => IsMinimised(objective) ? -value : value;
}
