using System.Text.Json;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>
/// The AI analysis produced a confident buy or sell: recorded in the signals stream as source <c>ai</c> under the
/// AiService's signal id, so a redelivery (or a second consumer pass) stores nothing more. Recording it writes
/// <see cref="SignalGeneratedIntegrationEvent"/>, which the realtime handler pushes as <c>signal</c> and <c>ai_signal</c>.
/// </summary>
internal sealed class AiSignalGeneratedHandler(SignalStore signals) : IIntegrationEventHandler<AiSignalGeneratedIntegrationEvent>
{
    public async Task HandleAsync(AiSignalGeneratedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var (side, sign) = e.Signal switch { "buy" => (SignalSide.Buy, 1m), "sell" => (SignalSide.Sell, -1m), _ => (SignalSide.Neutral, 0m) };
        var meta = JsonSerializer.SerializeToElement(new { recommendationId = e.RecommendationId, analysisType = e.AnalysisType, timeframe = e.Timeframe, price = e.Price });
        await signals.RecordAsync(new NewSignal(e.Symbol, sign * Math.Clamp(e.Confidence, 0m, 1m), side, new SignalSource(SignalSourceKind.Ai, e.RecommendationId.ToString(), "ai-analysis"))
        {
            Id = SignalId.From(e.SignalId), Time = e.GeneratedAt, Pattern = $"ai:{e.AnalysisType}", Meta = meta, Price = e.Price, Reasoning = e.Reasoning,
        }, cancellationToken);
    }
}
