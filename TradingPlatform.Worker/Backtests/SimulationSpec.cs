using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Worker.Backtests;

/// <summary>What a stored backtest and a stored sweep share: the engine's inputs apart from the grid.</summary>
internal sealed record SimulationSpec(
    IReadOnlyList<string> Symbols,
    CandleInterval Interval,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Algorithm,
    string Parameters,
    RiskManagement Risk,
    decimal InitialBalance,
    int Leverage,
    decimal? CommissionRate,
    decimal? SlippageFactor,
    IntrabarPath Path,
    Guid Seed,
    double RiskFreeRate)
{
    public static SimulationSpec From(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Symbols, run.Interval, run.Start, run.End, run.Algorithm, run.Parameters, run.RiskManagement, run.InitialBalance, run.Leverage,
            run.CommissionRate, run.SlippageFactor, run.IntrabarPath, run.Seed, run.RiskFreeRate);
    }

    public static SimulationSpec From(OptimizationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Symbols, run.Interval, run.Start, run.End, run.Algorithm, run.FixedParameters, run.RiskManagement, run.InitialBalance, run.Leverage,
            run.CommissionRate, run.SlippageFactor, run.IntrabarPath, run.Seed, run.RiskFreeRate);
    }
}
