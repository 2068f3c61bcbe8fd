namespace TradingPlatform.AiService.Analysis;

/// <summary>Seed 001's support and resistance prices (nearest first) and the levels behind them.</summary>
public sealed record SupportResistancePart(IReadOnlyList<double> Support, IReadOnlyList<double> Resistance, IReadOnlyList<LevelPart> Levels);
