using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Optimization;

/// <summary>An optimization run's id.</summary>
public readonly record struct OptimizationId(Guid Value) : IStrongId<OptimizationId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static OptimizationId New() => new(Guid.CreateVersion7());

    public static OptimizationId From(Guid value) => new(value);

    public static bool TryParse(string? text, out OptimizationId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new OptimizationId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
