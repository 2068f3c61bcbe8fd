using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TradingPlatform.Api.Backtests;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// POST /api/optimizations: a sweep of the strategy's parameters over a <c>grid</c>, ranked by an <c>objective</c> under
/// <c>constraints</c>; with <c>kind: walk_forward</c>, the same optimisation on consecutive in-sample windows, each best
/// tested on the out-of-sample window after it.
/// </summary>
public sealed record CreateOptimizationRequest : SimulationRequest
{
    /// <summary>sweep (default) or walk_forward.</summary>
    [AllowedValues("sweep", "walk_forward", null, ErrorMessage = "The kind is sweep or walk_forward.")]
    public string? Kind { get; init; }

    /// <summary>Per parameter a list of values or {min, max, step}; parameters left out keep the strategy's values.</summary>
    public JsonElement? Grid { get; init; }

    /// <summary>sharpe (default), sortino, cagr, total_return, calmar, profit_factor, net_profit, win_rate, expectancy or max_drawdown (minimised).</summary>
    public string? Objective { get; init; }

    public SweepConstraintsRequest? Constraints { get; init; }

    public WalkForwardRequest? WalkForward { get; init; }

    public OptimizationKind OptimizationKind => Kind == "walk_forward" ? OptimizationKind.WalkForward : OptimizationKind.Sweep;

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext).Concat(GridInput.Validate(Grid)))
        {
            yield return result;
        }

        if (Objective is not null && !SweepObjectives.TryParse(Objective, out _))
        {
            yield return new ValidationResult($"The objective is one of {SweepObjectives.Codes}.", [nameof(Objective)]);
        }

        if (OptimizationKind == OptimizationKind.WalkForward && WalkForward is null)
        {
            yield return new ValidationResult("A walk_forward needs walkForward {inSampleBars, outOfSampleBars, anchored}.", [nameof(WalkForward)]);
        }
        else if (OptimizationKind == OptimizationKind.Sweep && WalkForward is not null)
        {
            yield return new ValidationResult("walkForward is for kind walk_forward.", [nameof(WalkForward)]);
        }
    }
}
