using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Positions;

/// <summary>A position's id.</summary>
public readonly record struct PositionId(Guid Value) : IStrongId<PositionId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static PositionId New() => new(Guid.CreateVersion7());

    public static PositionId From(Guid value) => new(value);

    public static bool TryParse(string? text, out PositionId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new PositionId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
