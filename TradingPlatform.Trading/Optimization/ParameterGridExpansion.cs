using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// The expanded grid: the valid combinations in stable order, how many points the cartesian product had, and how many
/// of them the algorithm refused (slow ≤ fast, …) with the first refusal's reason as an example.
/// </summary>
public sealed record ParameterGridExpansion(
    IReadOnlyList<ParameterCombination> Combinations,
    int Total,
    int Skipped,
    IReadOnlyList<ParameterError> FirstSkipReason);
