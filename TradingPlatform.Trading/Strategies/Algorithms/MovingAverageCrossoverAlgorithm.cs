namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>The two moving-average crossovers: parameters fast and slow (bars), slow longer than fast.</summary>
public abstract class MovingAverageCrossoverAlgorithm : StrategyAlgorithm
{
    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("fast", ParameterKind.Integer, 1, 1000, 10, "Bars in the fast average."),
        new("slow", ParameterKind.Integer, 2, 5000, 30, "Bars in the slow average; longer than fast."),
        AllowShort,
    ];

    protected override IEnumerable<ParameterError> CheckCombination(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Int("slow") <= parameters.Int("fast"))
        {
            yield return new ParameterError("slow",
                $"The slow average ({parameters.Int("slow")} bars) must be longer than the fast one ({parameters.Int("fast")} bars).");
        }
    }
}
