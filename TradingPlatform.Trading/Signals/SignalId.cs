using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Signals;

/// <summary>A signal's id.</summary>
public readonly record struct SignalId(Guid Value) : IStrongId<SignalId>
{
    /// <summary>Version 7 GUIDs are time-ordered, so new rows land at the end of the primary-key index.</summary>
    public static SignalId New() => new(Guid.CreateVersion7());

    public static SignalId From(Guid value) => new(value);

    public static bool TryParse(string? text, out SignalId id)
    {
        var parsed = Guid.TryParse(text, out var value);
        id = new SignalId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString();
}
