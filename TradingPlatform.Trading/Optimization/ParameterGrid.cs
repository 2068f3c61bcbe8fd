using System.Globalization;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// The parameter combinations a sweep evaluates: the cartesian product of each parameter's values, the first parameter
/// varying slowest (as nested loops in the order the parameters were given), each value of a list in its given order
/// and a range ascending, so a combination's <see cref="ParameterCombination.Index"/> is stable for the same grid.
/// Parameters the grid does not name take <paramref name="fixedValues"/> or else the algorithm's defaults. Every value
/// must lie inside its <see cref="ParameterSpec"/>'s range (an error names the first that does not); a combination the
/// algorithm refuses as a whole (slow ≤ fast) is skipped and counted, because a grid over two periods always has such
/// corners. More than <see cref="MaxCombinations"/> points is an error before anything is expanded.
/// </summary>
public sealed class ParameterGrid
{
    public const int DefaultMaxCombinations = 10_000;

    private readonly IReadOnlyDictionary<string, double> _fixed;

    public ParameterGrid(
        StrategyAlgorithm algorithm,
        IEnumerable<ParameterRange> parameters,
        IReadOnlyDictionary<string, double>? fixedValues = null,
        int maxCombinations = DefaultMaxCombinations)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCombinations, 1);
        Algorithm = algorithm;
        Parameters = [.. parameters];
        MaxCombinations = maxCombinations;
        _fixed = fixedValues ?? new Dictionary<string, double>();
        Validate();
    }

    public StrategyAlgorithm Algorithm { get; }

    public IReadOnlyList<ParameterRange> Parameters { get; }

    public int MaxCombinations { get; }

    /// <summary>The number of points of the cartesian product (valid or not).</summary>
    public int Count => (int)Product();

    /// <summary>The values of one of the grid's parameters, in sweep order (its spec's name, case-insensitive).</summary>
    public IReadOnlyList<double> ValuesOf(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Values()
        ?? throw new ArgumentException($"The grid does not vary '{name}'; it varies {string.Join(", ", Parameters.Select(p => p.Name))}.", nameof(name));

    /// <summary>Every point in stable order, bound by the algorithm; refused combinations are skipped and counted.</summary>
    public ParameterGridExpansion Expand()
    {
        var axes = Parameters.Select(p => (Name: SpecOf(p.Name).Name, Values: p.Values())).ToArray();
        var total = (int)Product();
        var combinations = new List<ParameterCombination>(total);
        var skipped = 0;
        IReadOnlyList<ParameterError> firstReason = [];
        var digits = new int[axes.Length];
        for (var point = 0; point < total; point++)
        {
            var values = new Dictionary<string, double>(_fixed, StringComparer.OrdinalIgnoreCase);
            var chosen = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var a = 0; a < axes.Length; a++)
            {
                values[axes[a].Name] = axes[a].Values[digits[a]];
                chosen[axes[a].Name] = axes[a].Values[digits[a]];
            }

            if (Algorithm.Bind(values, out var errors) is { } bound)
            {
                combinations.Add(new ParameterCombination(combinations.Count, chosen, bound));
            }
            else
            {
                skipped++;
                if (firstReason.Count == 0)
                {
                    firstReason = errors;
                }
            }

            // The last axis varies fastest.
            for (var a = axes.Length - 1; a >= 0 && ++digits[a] == axes[a].Values.Count; a--)
            {
                digits[a] = 0;
            }
        }

        return new ParameterGridExpansion(combinations, total, skipped, firstReason);
    }

    private void Validate()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in Parameters)
        {
            var spec = SpecOf(parameter.Name);
            if (!seen.Add(spec.Name))
            {
                throw new ArgumentException($"'{spec.Name}' appears twice in the grid; give each parameter once.", nameof(Parameters));
            }

            if (_fixed.Keys.Any(k => string.Equals(k, spec.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"'{spec.Name}' is both swept and fixed; give it in one place.", nameof(Parameters));
            }

            foreach (var value in parameter.Values())
            {
                if (spec.Check(value) is { } problem)
                {
                    throw new ArgumentException($"Grid value {ParameterRange.F(value)} of '{spec.Name}' is not allowed: {problem}", nameof(Parameters));
                }
            }
        }

        foreach (var (name, value) in _fixed)
        {
            if (SpecOf(name).Check(value) is { } problem)
            {
                throw new ArgumentException($"Fixed value {ParameterRange.F(value)} of '{SpecOf(name).Name}' is not allowed: {problem}", nameof(Parameters));
            }
        }

        var count = Product();
        if (count > MaxCombinations)
        {
            var sizes = string.Join(" × ", Parameters.Select(p => $"{p.Values().Count} {SpecOf(p.Name).Name}"));
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The grid has {count:N0} combinations ({sizes}), more than the limit of {MaxCombinations:N0}: narrow a range, widen a step or list fewer values."),
                nameof(Parameters));
        }
    }

    /// <summary>The size of the cartesian product, in double so that a huge grid cannot overflow before it is refused.</summary>
    private double Product() => Parameters.Aggregate(1.0, (product, p) => product * p.Values().Count);

    private ParameterSpec SpecOf(string name) =>
        Algorithm.Parameters.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{Algorithm.Code} has no parameter '{name}'; it takes {string.Join(", ", Algorithm.Parameters.Select(p => p.Name))}.", nameof(name));
}
