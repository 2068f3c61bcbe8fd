using System.Buffers.Binary;
using System.Buffers.Text;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>
/// The opaque position in the signals stream, ordered by (time desc, id desc): the last signal a page returned.
/// Encoded as base64url of a version byte, the time's UTC ticks and the id, so that clients cannot build or edit one
/// by accident.
/// </summary>
public readonly record struct SignalCursor(DateTimeOffset Time, SignalId Id)
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public static SignalCursor After(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new SignalCursor(signal.Time, signal.Id);
    }

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], Time.UtcTicks);
        Id.Value.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out SignalCursor cursor)
    {
        cursor = default;
        // Base64Url.TryDecodeFromChars throws (rather than answers false) on characters outside its alphabet.
        if (string.IsNullOrEmpty(text) || text.Length > 64 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[48];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new SignalCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new SignalId(new Guid(bytes[9..Length], bigEndian: true)));
        return true;
    }
}
