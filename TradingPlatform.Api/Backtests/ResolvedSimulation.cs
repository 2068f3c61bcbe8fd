using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Backtests;

/// <summary>A simulation request after <see cref="SimulationInputs"/> checked it: the bound parameters, risk, symbols, period and bar count.</summary>
public sealed record ResolvedSimulation(
    StrategyParameters Parameters,
    RiskManagement Risk,
    StrategyId? StrategyId,
    IReadOnlyList<string> Symbols,
    CandleInterval Interval,
    DateTimeOffset Start,
    DateTimeOffset End,
    long Bars);
