namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>Every algorithm the platform runs, by code.</summary>
public static class StrategyAlgorithms
{
    public static IReadOnlyList<StrategyAlgorithm> All { get; } =
    [
        new SmaCrossoverAlgorithm(),
        new EmaCrossoverAlgorithm(),
        new RsiMeanReversionAlgorithm(),
        new BollingerBreakoutAlgorithm(),
        new MacdAlgorithm(),
        new DonchianBreakoutAlgorithm(),
    ];

    public static string Codes => string.Join(", ", All.Select(a => a.Code));

    public static StrategyAlgorithm? Find(string? code) =>
        All.FirstOrDefault(algorithm => string.Equals(algorithm.Code, code, StringComparison.OrdinalIgnoreCase));
}
