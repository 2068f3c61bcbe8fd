namespace TradingPlatform.AiService.Analysis;

/// <summary>Seed 001's <c>POST /api/ai/analysis</c>: symbol, analysis type, timeframe (a candle interval) and optional parameters.</summary>
public sealed record AnalysisRequest(string? Symbol, string? AnalysisType, string? Timeframe, AnalysisParameters? Parameters);
