namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// An algorithm's parameters after <see cref="StrategyAlgorithm.Bind"/>: every declared parameter present (defaults
/// filled in), in range, of its kind, and the combination valid. Only the algorithm's own factory reads them.
/// </summary>
public sealed class StrategyParameters
{
    private readonly Dictionary<string, double> _values;

    internal StrategyParameters(StrategyAlgorithm algorithm, Dictionary<string, double> values)
    {
        Algorithm = algorithm;
        _values = values;
    }

    public StrategyAlgorithm Algorithm { get; }

    public IReadOnlyDictionary<string, double> Values => _values;

    public int Int(string name) => (int)_values[name];

    public double Real(string name) => _values[name];

    public bool Flag(string name) => _values[name] != 0;

    public ISignalRule CreateRule() => Algorithm.CreateRule(this);
}
