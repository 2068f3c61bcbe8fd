using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Execution;

/// <summary>An execution's (fill's) id.</summary>
public readonly record struct FillId(Guid Value) : IStrongId<FillId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static FillId New() => new(Guid.CreateVersion7());

    public static FillId From(Guid value) => new(value);

    public static bool TryParse(string? text, out FillId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new FillId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
