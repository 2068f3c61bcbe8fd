using System.Text.Json;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A sweep's grid as JSON, as requests carry it and runs store it: per parameter either a list of values
/// (<c>"fast": [5, 10, 20]</c>) or a range (<c>"slow": {"min": 20, "max": 100, "step": 10}</c>).
/// </summary>
public static class ParameterGridJson
{
    public const int MaxValuesPerList = 1000;

    /// <summary>Every parameter of a grid object, which must be well formed.</summary>
    /// <exception cref="ArgumentException">A member is not a list of numbers or a {min, max, step}.</exception>
    public static IReadOnlyList<ParameterRange> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(member => Read(member, out var problem) ?? throw new ArgumentException(problem, nameof(json)))];
    }

    /// <summary>
    /// The strategy's bound values less those the grid sweeps: what stays fixed across the combinations (the bound
    /// values hold every parameter, and a swept one may not also be fixed).
    /// </summary>
    public static IReadOnlyDictionary<string, double> FixedValues(IReadOnlyDictionary<string, double> bound, IReadOnlyList<ParameterRange> grid)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(grid);
        return bound.Where(p => !grid.Any(r => string.Equals(r.Name, p.Key, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One member of a grid object; null with the reason when it is malformed.</summary>
    public static ParameterRange? Read(JsonProperty member, out string problem)
    {
        problem = "";
        switch (member.Value.ValueKind)
        {
            case JsonValueKind.Array:
                var values = new List<double>();
                foreach (var item in member.Value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value))
                    {
                        problem = $"{member.Name} lists numbers only.";
                        return null;
                    }

                    values.Add(value);
                }

                if (values.Count is 0 or > MaxValuesPerList)
                {
                    problem = $"{member.Name} lists 1 to {MaxValuesPerList} values.";
                    return null;
                }

                return ParameterRange.List(member.Name, [.. values]);
            case JsonValueKind.Object:
                double? min = null, max = null, step = null;
                foreach (var bound in member.Value.EnumerateObject())
                {
                    if (bound.Value.ValueKind != JsonValueKind.Number || !bound.Value.TryGetDouble(out var number) || !double.IsFinite(number))
                    {
                        problem = $"{member.Name}.{bound.Name} must be a number.";
                        return null;
                    }

                    switch (bound.Name.ToLowerInvariant())
                    {
                        case "min": min = number; break;
                        case "max": max = number; break;
                        case "step": step = number; break;
                        default:
                            problem = $"{member.Name} is {{min, max, step}}; '{bound.Name}' is not one of them.";
                            return null;
                    }
                }

                if (min is not { } low || max is not { } high || step is not { } by)
                {
                    problem = $"{member.Name} needs min, max and step.";
                    return null;
                }

                if (by <= 0 || high < low)
                {
                    problem = $"{member.Name} needs step > 0 and max ≥ min.";
                    return null;
                }

                try
                {
                    return ParameterRange.Range(member.Name, low, high, by);
                }
                catch (ArgumentException invalid)
                {
                    problem = invalid.Message;
                    return null;
                }

            default:
                problem = $"{member.Name} is a list of values or {{min, max, step}}.";
                return null;
        }
    }
}
