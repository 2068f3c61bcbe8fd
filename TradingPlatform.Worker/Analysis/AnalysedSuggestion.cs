using System.Text.Json.Nodes;
using TradingPlatform.Worker.Analysis.Rules;

namespace TradingPlatform.Worker.Analysis;

/// <summary>A suggestion ready to store: the (possibly reviewed) draft, its expected effect (summary and backtest) and who wrote it.</summary>
internal sealed record AnalysedSuggestion(SuggestionDraft Draft, JsonObject Effect, string Source);
