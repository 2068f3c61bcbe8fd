namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>
/// What a rule proposes, before backtests and review: the setting of a strategy or an account, its current and proposed
/// values (as <see cref="ConfigValues"/> writes them), the reasoning with the figures, the expected effect in words, a
/// confidence in 0..1, and, for a strategy setting a backtest can show, the change to backtest.
/// </summary>
public sealed record SuggestionDraft(
    string Key,
    string Setting,
    Guid? StrategyId,
    Guid? AccountId,
    string CurrentValue,
    string ProposedValue,
    string Reasoning,
    string Effect,
    double Confidence,
    BacktestChange? Backtest = null);
