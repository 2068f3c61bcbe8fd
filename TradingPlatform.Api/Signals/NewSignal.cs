using System.Text.Json;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Signals;

/// <summary>
/// A signal to record through <see cref="SignalStore"/>: what strategies, the AI service and admins hand in.
/// <see cref="Time"/> defaults to now; <see cref="Meta"/>, when given, is a JSON object.
/// </summary>
public sealed record NewSignal(string Symbol, decimal Score, SignalSide Side, SignalSource Source)
{
    public DateTimeOffset? Time { get; init; }

    public string? Pattern { get; init; }

    public JsonElement? Meta { get; init; }

    public StrategyId? StrategyId { get; init; }

    /// <summary>The producer's own id for the signal (the AI service's): recording it again records nothing.</summary>
    public SignalId? Id { get; init; }

    /// <summary>The price it was given at and its reasoning, carried on the published event (not columns of the stream).</summary>
    public decimal? Price { get; init; }

    public string? Reasoning { get; init; }
}
