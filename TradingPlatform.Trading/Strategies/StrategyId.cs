using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Strategies;

/// <summary>A strategy's id.</summary>
public readonly record struct StrategyId(Guid Value) : IStrongId<StrategyId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static StrategyId New() => new(Guid.CreateVersion7());

    public static StrategyId From(Guid value) => new(value);

    public static bool TryParse(string? text, out StrategyId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new StrategyId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
