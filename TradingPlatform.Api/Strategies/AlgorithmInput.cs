using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Strategies;

/// <summary>
/// An algorithm code and its <c>parameters</c> object from a request: every member must be a number (or a boolean for
/// a flag) that the algorithm declares and accepts; errors name the member (<c>parameters.slow</c>).
/// </summary>
internal static class AlgorithmInput
{
    public static IEnumerable<ValidationResult> Validate(string? algorithm, JsonElement? parameters, string prefix = "")
    {
        if (StrategyAlgorithms.Find(algorithm) is not { } found)
        {
            yield return new ValidationResult(
                $"Unknown algorithm '{algorithm}'; it is one of {StrategyAlgorithms.Codes} (GET /api/strategies/algorithms describes them).", [prefix + "Algorithm"]);
            yield break;
        }

        var values = Read(parameters, out var problems);
        foreach (var (member, message) in problems)
        {
            yield return new ValidationResult(message, [$"{prefix}Parameters.{member}"]);
        }

        if (problems.Count > 0)
        {
            yield break;
        }

        found.Bind(values, out var errors);
        foreach (var error in errors)
        {
            yield return new ValidationResult(error.Message, [$"{prefix}Parameters.{error.Parameter}"]);
        }
    }

    /// <summary>Binds input that <see cref="Validate"/> accepted.</summary>
    public static StrategyParameters Bind(string algorithm, JsonElement? parameters) =>
        StrategyAlgorithms.Find(algorithm)!.Bind(Read(parameters, out _), out _)
            ?? throw new InvalidOperationException("Bind is called only on validated parameters.");

    /// <summary>Binds a stored strategy's parameters; null with the reason when they no longer bind (a strategy saved before it had an algorithm).</summary>
    public static StrategyParameters? TryBind(string? algorithm, string parametersJson, out string? problem)
    {
        using var document = JsonDocument.Parse(parametersJson);
        var errors = Validate(algorithm, document.RootElement).ToList();
        problem = errors.Count == 0 ? null : string.Join(" ", errors.Select(e => e.ErrorMessage));
        return errors.Count == 0 ? Bind(algorithm!, document.RootElement) : null;
    }

    /// <summary>The bound values as stored and shown: numbers, and booleans for flags.</summary>
    public static string Serialize(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var spec in parameters.Algorithm.Parameters)
        {
            var value = parameters.Values[spec.Name];
            values[spec.Name] = spec.Kind switch
            {
                ParameterKind.Boolean => value != 0,
                ParameterKind.Integer => (long)value,
                _ => value,
            };
        }

        return JsonSerializer.Serialize(values);
    }

    private static Dictionary<string, double> Read(JsonElement? parameters, out List<(string Member, string Message)> problems)
    {
        problems = [];
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (parameters is not { ValueKind: JsonValueKind.Object } element)
        {
            if (parameters is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
            {
                problems.Add(("", "The parameters are a JSON object."));
            }

            return values;
        }

        foreach (var member in element.EnumerateObject())
        {
            switch (member.Value.ValueKind)
            {
                case JsonValueKind.Number when member.Value.TryGetDouble(out var number) && double.IsFinite(number):
                    values[member.Name] = number;
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[member.Name] = member.Value.GetBoolean() ? 1 : 0;
                    break;
                default:
                    problems.Add((member.Name, string.Create(CultureInfo.InvariantCulture, $"{member.Name} must be a number (or true/false for a flag).")));
                    break;
            }

            if (!values.TryAdd(member.Name + "\0seen", 0))
            {
                problems.Add((member.Name, $"{member.Name} is given twice."));
            }
        }

        foreach (var key in values.Keys.Where(k => k.EndsWith("\0seen", StringComparison.Ordinal)).ToList())
        {
            values.Remove(key);
        }

        return values;
    }
}
