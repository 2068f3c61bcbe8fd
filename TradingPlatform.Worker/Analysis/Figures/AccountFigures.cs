namespace TradingPlatform.Worker.Analysis.Figures;

/// <summary>An account's risk settings and the realised results of every fill in it.</summary>
/// <param name="MaxDailyLoss">The account's daily loss limit in currency; null when unset.</param>
public sealed record AccountFigures(
    Guid AccountId,
    string Name,
    int MaxLeverage,
    decimal? MaxDailyLoss,
    decimal InitialBalance,
    decimal Balance,
    ResultFigures Results,
    int StopLossHits,
    int Liquidations);
