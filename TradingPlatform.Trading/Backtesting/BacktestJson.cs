using System.Text.Json;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// How a backtest's metrics, equity curve and gaps are stored in their jsonb columns: camelCase, as the API shows them,
/// so the Worker that writes and the Api that reads agree by construction.
/// </summary>
public static class BacktestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored {typeof(T).Name} is null.");
}
