using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Worker.Analysis.Figures;

/// <summary>A strategy's settings and realised results, with the volatility of what it trades.</summary>
/// <param name="AccountId">The account it trades in (attached, else the one its fills were in).</param>
/// <param name="CapitalBase">Its account's initial balance: the base of its drawdown and of the backtests.</param>
/// <param name="StopLossHits">Positions its fills built that their stop-loss closed.</param>
/// <param name="Liquidations">Positions its fills built that were liquidated.</param>
/// <param name="AverageRange">Mean (high − low) / close of its symbols' recent bars at its interval, percent; null without bars.</param>
public sealed record StrategyFigures(
    Guid StrategyId,
    string Name,
    StrategyStatus Status,
    string? Algorithm,
    string Interval,
    IReadOnlyList<string> Symbols,
    string Parameters,
    RiskManagement Risk,
    Guid? AccountId,
    decimal CapitalBase,
    ResultFigures Results,
    int StopLossHits,
    int Liquidations,
    decimal? AverageRange);
