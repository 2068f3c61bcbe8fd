using TradingPlatform.Api.Orders;

namespace TradingPlatform.Api.Mcp;

/// <summary>What an order tool did, in a sentence for the agent, and the order as the REST API shows it.</summary>
internal sealed record McpOrderResult(string Summary, bool Created, OrderResponse Order);
