using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Strategies;

/// <summary>An algorithm a strategy can run, with its typed parameters (name, kind, inclusive range, default).</summary>
public sealed record AlgorithmResponse(string Code, string Description, IReadOnlyList<AlgorithmParameterResponse> Parameters)
{
    public static AlgorithmResponse From(StrategyAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return new AlgorithmResponse(algorithm.Code, algorithm.Description,
            [.. algorithm.Parameters.Select(p => new AlgorithmParameterResponse(p.Name, p.Kind.ToString().ToLowerInvariant(), p.Min, p.Max, p.Default, p.Description))]);
    }
}
