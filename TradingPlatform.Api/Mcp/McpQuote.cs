using TradingPlatform.Api.Market;

namespace TradingPlatform.Api.Mcp;

/// <summary>A symbol's latest quote, or why there is none yet.</summary>
internal sealed record McpQuote(string Symbol, QuoteResponse? Quote, string? Note);
