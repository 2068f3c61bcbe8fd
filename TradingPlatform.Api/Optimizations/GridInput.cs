using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// Checks the <c>grid</c> object of a sweep request (<see cref="ParameterGridJson"/> reads it): shape errors name the
/// member (<c>grid.slow</c>); values are checked against the algorithm's ranges when the grid is built.
/// </summary>
internal static class GridInput
{
    public static IEnumerable<ValidationResult> Validate(JsonElement? grid)
    {
        if (grid is not { ValueKind: JsonValueKind.Object } element || !element.EnumerateObject().Any())
        {
            yield return new ValidationResult("The grid is an object with at least one parameter: a list of values or {min, max, step}.", ["Grid"]);
            yield break;
        }

        foreach (var member in element.EnumerateObject())
        {
            if (ParameterGridJson.Read(member, out var problem) is null)
            {
                yield return new ValidationResult(problem, [$"Grid.{member.Name}"]);
            }
        }
    }

    /// <summary>The ranges of a grid that <see cref="Validate"/> accepted.</summary>
    public static IReadOnlyList<ParameterRange> Ranges(JsonElement grid) => ParameterGridJson.Read(grid.GetRawText());
}
