namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// An algorithm a strategy can run (SMA crossover, RSI mean reversion, …): its code as the API names it, its typed
/// parameters, the checks across parameters, and a factory of per-symbol rules. The same rule object decides live and
/// in backtests, so what a backtest shows is what the live strategy does.
/// </summary>
public abstract class StrategyAlgorithm
{
    /// <summary>Every algorithm may trade short as well as long; off by default (long or flat).</summary>
    protected static readonly ParameterSpec AllowShort = new("allowShort", ParameterKind.Boolean, 0, 1, 0, "Also sell short on the opposite signal (otherwise go flat).");

    /// <summary>The API's name for it, snake_case (sma_crossover).</summary>
    public abstract string Code { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>Fills in defaults and checks every value and the combination; unknown names are errors, not ignored.</summary>
    public StrategyParameters? Bind(IReadOnlyDictionary<string, double> values, out IReadOnlyList<ParameterError> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        var found = new List<ParameterError>();
        foreach (var name in values.Keys.Where(name => Parameters.All(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))))
        {
            found.Add(new ParameterError(name, $"{Code} has no parameter '{name}'; it takes {string.Join(", ", Parameters.Select(p => p.Name))}."));
        }

        var bound = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var spec in Parameters)
        {
            var given = values.FirstOrDefault(pair => string.Equals(pair.Key, spec.Name, StringComparison.OrdinalIgnoreCase));
            var value = given.Key is null ? spec.Default : given.Value;
            if (spec.Check(value) is { } problem)
            {
                found.Add(new ParameterError(spec.Name, problem));
            }

            bound[spec.Name] = value;
        }

        if (found.Count == 0)
        {
            found.AddRange(CheckCombination(new StrategyParameters(this, bound)));
        }

        errors = found;
        return found.Count == 0 ? new StrategyParameters(this, bound) : null;
    }

    /// <summary>Checks across parameters (a slow average longer than the fast one).</summary>
    protected virtual IEnumerable<ParameterError> CheckCombination(StrategyParameters parameters) => [];

    internal abstract ISignalRule CreateRule(StrategyParameters parameters);

    public override string ToString() => Code;
}
