using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// One valid point of a <see cref="ParameterGrid"/>: its position in the grid's stable order (the tie-breaker of every
/// ranking), the values the grid chose (by the grid's parameter names) and the algorithm's bound parameters (defaults
/// filled in for the parameters the grid does not vary).
/// </summary>
public sealed record ParameterCombination(int Index, IReadOnlyDictionary<string, double> Values, StrategyParameters Parameters)
{
    /// <summary>The bound value of a parameter (a grid value or the algorithm's default).</summary>
    public double this[string name] => Parameters.Values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"{Parameters.Algorithm.Code} has no parameter '{name}'.");

    public override string ToString() =>
        string.Join(", ", Parameters.Values.Select(p => $"{p.Key}={ParameterRange.F(p.Value)}"));
}
