using System.Buffers.Binary;
using System.Buffers.Text;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// The opaque position in a caller's predictions, ordered by (issued-at desc, id desc): the last prediction a page
/// returned. Base64url of a version byte, the issue time's UTC ticks and the id, as the Api's signals cursor.
/// </summary>
public readonly record struct PredictionCursor(DateTimeOffset IssuedAt, PredictionId Id)
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], IssuedAt.UtcTicks);
        Id.Value.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out PredictionCursor cursor)
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

        cursor = new PredictionCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new PredictionId(new Guid(bytes[9..Length], bigEndian: true)));
        return true;
    }
}
