using System.Text.Json;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>Seed 003's Signal, plus where it came from and when it was recorded.</summary>
public sealed record SignalResponse(
    string Id,
    string Symbol,
    DateTimeOffset Time,
    decimal Score,
    SignalSide Side,
    string? Pattern,
    JsonElement? Meta,
    SignalSourceResponse Source,
    string? StrategyId,
    DateTimeOffset CreatedAt)
{
    public static SignalResponse From(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new SignalResponse(
            signal.Id.ToString(),
            signal.Symbol,
            signal.Time,
            signal.Score,
            signal.Side,
            signal.Pattern,
            Parse(signal.Meta),
            new SignalSourceResponse(signal.Source.Kind, signal.Source.SourceId, signal.Source.Name),
            signal.StrategyId?.ToString(),
            signal.CreatedAt);
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
