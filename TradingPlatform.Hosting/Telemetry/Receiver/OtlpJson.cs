using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace TradingPlatform.Hosting.Telemetry.Receiver;

/// <summary>
/// OTLP/JSON is proto3's JSON mapping with one exception: trace and span ids are hex, not base64. Google.Protobuf's
/// parser would read a hex id as (valid but wrong) base64, so the ids are rewritten to base64 before parsing.
/// Unknown fields are ignored, as the specification asks of receivers.
/// </summary>
internal static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal)
    {
        "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id",
    };

    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="InvalidProtocolBufferException">The JSON does not describe the message.</exception>
    /// <exception cref="FormatException">An id is not hex, or the body is JSON null.</exception>
    public static T Parse<T>(ReadOnlyMemory<byte> body)
        where T : IMessage, new()
    {
        var root = JsonNode.Parse(body.Span) ?? throw new FormatException("The body is JSON null.");
        RewriteIds(root);
        return Parser.Parse<T>(root.ToJsonString());
    }

    public static string Format(IMessage message) => JsonFormatter.Default.Format(message);

    private static void RewriteIds(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (IdFields.Contains(name) && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[name] = HexToBase64(value.GetValue<string>());
                    }
                    else
                    {
                        RewriteIds(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        RewriteIds(item);
                    }
                }

                break;
        }
    }

    private static string HexToBase64(string hex)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException e)
        {
            throw new FormatException($"Id '{hex}' is not hex: {e.Message}");
        }
    }
}
