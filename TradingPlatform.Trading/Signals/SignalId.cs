using TradingPlatform.Trading.Common;

namespace TradingPlatform.Trading.Signals;

/// <summary>
/// A signal's id. It is ordered (as PostgreSQL orders uuid), because the signals cursor breaks ties between signals of
/// the same time by id; the comparison operators let LINQ queries say <c>s.Id &lt; cursor.Id</c>.
/// </summary>
public readonly record struct SignalId(Guid Value) : IStrongId<SignalId>, IComparable<SignalId>
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

    public int CompareTo(SignalId other) => Value.CompareTo(other.Value);

    public static bool operator <(SignalId left, SignalId right) => left.CompareTo(right) < 0;

    public static bool operator >(SignalId left, SignalId right) => left.CompareTo(right) > 0;

    public static bool operator <=(SignalId left, SignalId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SignalId left, SignalId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value.ToString();
}
