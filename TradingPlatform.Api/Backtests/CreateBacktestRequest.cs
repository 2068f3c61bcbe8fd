namespace TradingPlatform.Api.Backtests;

/// <summary>Seed 004's POST /api/backtests: one run of the strategy over the period.</summary>
public sealed record CreateBacktestRequest : SimulationRequest;
