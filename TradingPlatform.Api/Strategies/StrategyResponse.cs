using System.Text.Json;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>Seed 001's strategy, with its <c>parameters</c> object.</summary>
public sealed record StrategyResponse(
    string Id,
    string Name,
    string Description,
    StrategyType Type,
    StrategyStatus Status,
    string? Algorithm,
    string Interval,
    string? AccountId,
    IReadOnlyList<string> Symbols,
    RiskManagement RiskManagement,
    JsonElement Parameters,
    StrategyPerformance Performance,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static StrategyResponse From(Strategy strategy, StrategyPerformance performance)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        using var parameters = JsonDocument.Parse(strategy.Parameters);
        return new StrategyResponse(
            strategy.Id.ToString(),
            strategy.Name,
            strategy.Description,
            strategy.Type,
            strategy.Status,
            strategy.Algorithm,
            strategy.Interval.Code,
            strategy.AccountId?.ToString(),
            [.. strategy.Symbols],
            strategy.RiskManagement,
            parameters.RootElement.Clone(),
            performance,
            strategy.CreatedAt,
            strategy.UpdatedAt);
    }
}
