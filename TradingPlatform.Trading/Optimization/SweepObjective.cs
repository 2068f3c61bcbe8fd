namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// The figure a sweep ranks by (see <see cref="Backtesting.BacktestMetrics"/> for each definition). Every objective is
/// maximised except <see cref="MaxDrawdown"/>, which is minimised. The API names them in snake_case
/// (<see cref="SweepObjectives.Parse"/>).
/// </summary>
public enum SweepObjective
{
    Sharpe,
    Sortino,
    Cagr,
    TotalReturn,
    Calmar,
    ProfitFactor,
    NetProfit,
    WinRate,
    Expectancy,
    MaxDrawdown,
}
