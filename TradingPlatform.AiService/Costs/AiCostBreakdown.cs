namespace TradingPlatform.AiService.Costs;

/// <summary>One group of the statistics (a model, a feature or a UTC day): its requests, units, cost and mean latency.</summary>
public sealed record AiCostBreakdown(string Key, long Requests, long InputUnits, long OutputUnits, decimal CostUsd, double MeanLatencyMs);
