using System.Globalization;
using System.Text.Json;

namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>
/// Reads a client message: the documented <c>{"type":…}</c> form, seed 004's bare <c>{"token":…}</c> and seed 002's
/// <c>{"action":"subscribe","topic":"price_updates:BTC-USD"}</c>. Answers null and a reason when it is not one.
/// </summary>
public static class ClientMessageParser
{
    public static ClientMessage? Parse(ReadOnlySpan<byte> utf8, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException)
        {
            error = "The message is not valid JSON.";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The message must be a JSON object.";
                return null;
            }

            var type = String(root, "type") ?? String(root, "action");
            var channel = String(root, "channel");
            IReadOnlyList<string>? symbols = null;
            string? interval = String(root, "interval");
            if (type is null && String(root, "token") is not null)
            {
                type = "auth";
            }

            if (String(root, "topic") is { } topic && channel is null)
            {
                // Seed 002: "price_updates:BTC-USD" or "candles:BTC-USD:1m".
                var parts = topic.Split(':');
                channel = parts[0];
                symbols = parts.Length > 1 && parts[1].Length > 0 ? [parts[1]] : null;
                interval ??= parts.Length > 2 ? parts[2] : null;
            }

            if (type is null)
            {
                error = "The message has no type.";
                return null;
            }

            if (root.TryGetProperty("symbols", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                symbols = [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
            }
            else if (String(root, "symbol") is { } single)
            {
                symbols = [single];
            }

            Guid? accountId = null;
            if (String(root, "accountId") is { } account)
            {
                if (!Guid.TryParse(account, out var parsed))
                {
                    error = "accountId must be a UUID.";
                    return null;
                }

                accountId = parsed;
            }

            long? lastSeq = null;
            if (root.TryGetProperty("lastSeq", out var seq))
            {
                if (seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var value) || value < 0)
                {
                    error = "lastSeq must be a non-negative integer.";
                    return null;
                }

                lastSeq = value;
            }

            error = null;
            return new ClientMessage(type.ToLowerInvariant(), String(root, "token"), channel, symbols, interval, accountId, lastSeq,
                String(root, "resumeToken"), String(root, "requestId"));
        }
    }

    /// <summary>A resume token is <c>{channel}.{seq}</c>, as the server hands it out in <c>subscribed</c>.</summary>
    public static bool TryReadResumeToken(string token, out string channel, out long lastSeq)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.LastIndexOf('.');
        channel = dot > 0 ? token[..dot] : "";
        return long.TryParse(token.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out lastSeq) && dot > 0;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
