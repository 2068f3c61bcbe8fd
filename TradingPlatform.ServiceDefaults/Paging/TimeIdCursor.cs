using System.Buffers.Binary;
using System.Buffers.Text;

namespace TradingPlatform.ServiceDefaults.Paging;

/// <summary>
/// The opaque text of a keyset position (a time and an id, for streams ordered by both): base64url of a version byte,
/// the time's UTC ticks and the id, so that clients cannot build or edit one by accident. Shared by the services'
/// cursor endpoints (the Api's signals, the AiService's predictions).
/// </summary>
public static class TimeIdCursor
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public static string Encode(DateTimeOffset time, Guid id)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], time.UtcTicks);
        id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>False for anything <see cref="Encode"/> did not write (never throws on what a client sends).</summary>
    public static bool TryDecode(string? text, out DateTimeOffset time, out Guid id)
    {
        (time, id) = (default, default);
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

        (time, id) = (new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[9..Length], bigEndian: true));
        return true;
    }
}
