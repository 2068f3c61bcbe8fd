using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Accounts;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Orders;
using TradingPlatform.Api.Positions;

namespace TradingPlatform.Api.Mcp;

/// <summary>The caller's accounts, positions and orders, read through the services behind the REST API (their ownership checks included).</summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Read)]
internal sealed class McpPortfolioTools(AccountService accounts, PositionService positions, OrderService orders, McpAccountResolver resolver)
{
    [McpServerTool(Name = "get_holdings", Title = "Holdings", ReadOnly = true, OpenWorld = false)]
    [Description("Every paper-trading account of the user with its balance, equity, margin and P&L, and its open positions (symbol, side, quantity, entry and current price, unrealised P&L).")]
    public Task<IReadOnlyList<McpHolding>> GetHoldingsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => McpToolErrors.GuardAsync(async () =>
    {
        var owner = user.GetUserId().Value;
        var (items, _) = await accounts.ListAsync(owner, PageRequest.From(1, PageRequest.MaxLimit), cancellationToken);
        var holdings = new List<McpHolding>(items.Count);
        foreach (var account in items)
        {
            var (open, total) = await positions.ListAsync(owner, new(account.Id), "open", PageRequest.From(1, PageRequest.MaxLimit), cancellationToken);
            holdings.Add(new McpHolding(account, open, total));
        }

        return (IReadOnlyList<McpHolding>)holdings;
    });

    [McpServerTool(Name = "get_positions", Title = "Positions", ReadOnly = true, OpenWorld = false)]
    [Description("The positions of one of the user's accounts (the default account when accountId is omitted), newest first.")]
    public Task<IReadOnlyList<PositionResponse>> GetPositionsAsync(
        ClaimsPrincipal user,
        [Description("The account's id; omit for the user's default account.")] string? accountId = null,
        [Description("open (default), closed or all.")] string status = "open",
        [Description("How many to return, 1 to 100 (default 50).")] int limit = 50,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        var owner = user.GetUserId().Value;
        var account = await resolver.ResolveAsync(owner, accountId, cancellationToken);
        var (items, _) = await positions.ListAsync(owner, account, status, PageRequest.From(1, limit), cancellationToken);
        return items;
    });

    [McpServerTool(Name = "list_orders", Title = "Orders", ReadOnly = true, OpenWorld = false)]
    [Description("The orders of one of the user's accounts (the default account when accountId is omitted), newest first, with status, fills and average price.")]
    public Task<IReadOnlyList<OrderResponse>> ListOrdersAsync(
        ClaimsPrincipal user,
        [Description("The account's id; omit for the user's default account.")] string? accountId = null,
        [Description("Only orders in this status: pending (any not yet done), open, partially_filled, filled, cancelled, rejected, expired.")] string? status = null,
        [Description("Only orders for this symbol, e.g. BTC-USD.")] string? symbol = null,
        [Description("How many to return, 1 to 100 (default 20).")] int limit = 20,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        var owner = user.GetUserId().Value;
        var account = await resolver.ResolveAsync(owner, accountId, cancellationToken);
        var (items, _) = await orders.ListAsync(owner, account, new OrderQuery(status, symbol, null, null), PageRequest.From(1, limit), cancellationToken);
        return items;
    });
}
