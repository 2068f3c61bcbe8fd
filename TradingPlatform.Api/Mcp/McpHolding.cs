using TradingPlatform.Api.Accounts;
using TradingPlatform.Api.Positions;

namespace TradingPlatform.Api.Mcp;

/// <summary>One of the caller's accounts (balances, equity, margin) with its open positions.</summary>
internal sealed record McpHolding(AccountResponse Account, IReadOnlyList<PositionResponse> OpenPositions, int OpenPositionCount);
