using System.Text.Json;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>A server-sent events body read back into its events (name and JSON data), in order.</summary>
internal static class ServerSentEvents
{
    public static List<(string Event, JsonElement Data)> Parse(string body) =>
        [.. body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(block =>
        {
            var lines = block.Split('\n');
            var name = lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?["event: ".Length..] ?? "message";
            var data = string.Join('\n', lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]));
            return (name, JsonDocument.Parse(data).RootElement.Clone());
        })];
}
