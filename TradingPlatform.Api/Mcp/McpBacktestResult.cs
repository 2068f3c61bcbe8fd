using TradingPlatform.Api.Backtests;

namespace TradingPlatform.Api.Mcp;

/// <summary>What <c>start_backtest</c> did, in a sentence, and the queued backtest.</summary>
internal sealed record McpBacktestResult(string Summary, BacktestResponse Backtest);
