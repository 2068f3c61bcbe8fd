using System.Globalization;
using System.Text.Json;

namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>
/// Writes server messages <c>{"type","data","timestamp","channel","seq"}</c>. The body is written without its last
/// member so that the seq can be appended where it is known: in Redis's append script for user channels (the seq is
/// the user channel's), at send time for public ones (a per-subscription counter). A public body is serialised once
/// and shared by every subscriber; each send loop copies it and its own <see cref="WriteSeqTail"/> into the
/// connection's frame buffer and sends them as one frame, so the protocol's <c>seq</c> stays per subscription and gap-free.
/// </summary>
public static class Envelope
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The message without <c>seq</c> and without its closing brace.</summary>
    public static byte[] Open(string type, object? data, DateTimeOffset timestamp, string? channel)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, Json);
            writer.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            if (channel is null)
            {
                writer.WriteNull("channel");
            }
            else
            {
                writer.WriteString("channel", channel);
            }

            writer.WriteEndObject();
        }

        // Drop the closing brace: Close() appends ,"seq":N}.
        return stream.ToArray()[..^1];
    }

    /// <summary>The longest tail <see cref="WriteSeqTail"/> writes: <c>,"seq":</c>, 19 digits and the brace.</summary>
    public const int MaxSeqTailBytes = 27;

    private static ReadOnlySpan<byte> SeqMember => ",\"seq\":"u8;

    public static byte[] Close(byte[] open, long seq)
    {
        ArgumentNullException.ThrowIfNull(open);
        Span<byte> tail = stackalloc byte[MaxSeqTailBytes];
        var length = WriteSeqTail(tail, seq);
        var message = new byte[open.Length + length];
        open.CopyTo(message, 0);
        tail[..length].CopyTo(message.AsSpan(open.Length));
        return message;
    }

    /// <summary>
    /// Writes <c>,"seq":N}</c>, what turns an open body into the message, into <paramref name="destination"/> (at least
    /// <see cref="MaxSeqTailBytes"/> long) and answers its length. The send loop writes it after a shared body in a buffer
    /// of its own and sends both as one frame, so a public message is serialised once for all its subscribers while
    /// each subscription keeps its own seq.
    /// </summary>
    public static int WriteSeqTail(Span<byte> destination, long seq)
    {
        SeqMember.CopyTo(destination);
        if (!seq.TryFormat(destination[SeqMember.Length..], out var digits, default, CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("The destination is too short for a seq tail.", nameof(destination));
        }

        destination[SeqMember.Length + digits] = (byte)'}';
        return SeqMember.Length + digits + 1;
    }
}
