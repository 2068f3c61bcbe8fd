using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TradingPlatform.Api.Strategies;

namespace TradingPlatform.Api.Backtests;

/// <summary>A strategy given in the request instead of a saved one: the algorithm, its parameters and risk management.</summary>
public sealed record InlineStrategyRequest : IValidatableObject
{
    /// <summary>One of GET /api/strategies/algorithms (sma_crossover, ema_crossover, rsi_mean_reversion, bollinger_breakout, macd, donchian_breakout).</summary>
    [Required(ErrorMessage = "The algorithm is required.")]
    public string? Algorithm { get; init; }

    /// <summary>The algorithm's parameters by name; left out ones take their defaults.</summary>
    public JsonElement? Parameters { get; init; }

    public RiskManagementRequest? RiskManagement { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Algorithm is null ? [] : AlgorithmInput.Validate(Algorithm, Parameters);
}
