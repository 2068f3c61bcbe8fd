namespace TradingPlatform.Api.Mcp;

/// <summary>The audit log's events for what an agent did through the MCP server (beside the order's own events and ledger).</summary>
public static class McpAuditEvents
{
    public const string OrderPlaced = "mcp.order_placed";
    public const string OrderCancelled = "mcp.order_cancelled";
    public const string BacktestStarted = "mcp.backtest_started";
}
