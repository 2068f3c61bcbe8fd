using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>
/// Writes server messages <c>{"type","data","timestamp","channel","seq"}</c>. The body is written without its last
/// member so that the seq can be appended where it is known: in Redis's append script for user channels (the seq is
/// the user channel's), at send time for public ones (a per-subscription counter).
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

    public static byte[] Close(byte[] open, long seq)
    {
        var tail = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $",\"seq\":{seq}}}"));
        var message = new byte[open.Length + tail.Length];
        open.CopyTo(message, 0);
        tail.CopyTo(message, open.Length);
        return message;
    }
}
