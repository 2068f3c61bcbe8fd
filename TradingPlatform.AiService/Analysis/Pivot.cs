namespace TradingPlatform.AiService.Analysis;

/// <summary>A swing high or low: the bar <see cref="Index"/> whose high (or low) is the extreme of its neighbourhood.</summary>
public readonly record struct Pivot(int Index, double Price, PivotKind Kind);
