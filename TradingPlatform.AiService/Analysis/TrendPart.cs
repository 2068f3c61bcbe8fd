namespace TradingPlatform.AiService.Analysis;

/// <summary>The trend: direction and strength (R² of the regression line, 0 sideways), its change over the window, and the model's P(up) when one serves the series.</summary>
public sealed record TrendPart(string Direction, double Strength, double ChangePercent, double RSquared, double? ModelProbabilityUp);
