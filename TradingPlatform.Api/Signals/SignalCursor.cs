using TradingPlatform.ServiceDefaults.Paging;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>The opaque position in the signals stream, ordered by (time desc, id desc): the last signal a page returned.</summary>
public readonly record struct SignalCursor(DateTimeOffset Time, SignalId Id)
{
    public static SignalCursor After(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new SignalCursor(signal.Time, signal.Id);
    }

    public string Encode() => TimeIdCursor.Encode(Time, Id.Value);

    public static bool TryDecode(string? text, out SignalCursor cursor)
    {
        var valid = TimeIdCursor.TryDecode(text, out var time, out var id);
        cursor = valid ? new SignalCursor(time, new SignalId(id)) : default;
        return valid;
    }
}
