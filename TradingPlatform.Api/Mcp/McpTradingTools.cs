using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Orders;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// Placing and cancelling paper orders, for keys with the <c>trade</c> scope (and, with an access token, traders and
/// admins). The request is validated by the same annotations as <c>POST /api/accounts/{id}/orders</c> and goes through
/// the same <see cref="OrderService"/>: the account's risk limits, margin and market hours, and idempotency by
/// clientOrderId (resending the same clientOrderId returns the first order instead of placing another).
/// </summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Trade)]
internal sealed class McpTradingTools(OrderService orders, McpAccountResolver resolver, McpActionAudit audit)
{
    [McpServerTool(Name = "place_order", Title = "Place a paper order", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Places a paper order on one of the user's accounts (the default account when accountId is omitted) and says what happened: the order id, its status (filled, open, rejected …), the filled quantity and average price. Give a clientOrderId to make retries safe.")]
    public Task<McpOrderResult> PlaceOrderAsync(
        ClaimsPrincipal user,
        [Description("The symbol, e.g. BTC-USD.")] string symbol,
        [Description("buy or sell.")] string side,
        [Description("The quantity, in units of the instrument (more than 0).")] decimal quantity,
        [Description("market (default), limit, stop, stop_limit or trailing_stop.")] string type = "market",
        [Description("The limit price (limit and stop_limit orders).")] decimal? price = null,
        [Description("The stop price (stop and stop_limit orders).")] decimal? stopPrice = null,
        [Description("GTC (default), IOC, FOK or DAY.")] string? timeInForce = null,
        [Description("Your id for the order (letters, digits, - _ . :); a retry with the same id returns the first order.")] string? clientOrderId = null,
        [Description("Leverage, 1 to the account's maximum (default 1).")] int? leverage = null,
        [Description("A stop-loss price to attach.")] decimal? stopLoss = null,
        [Description("A take-profit price to attach.")] decimal? takeProfit = null,
        [Description("A trailing stop's trail as an amount of price.")] decimal? trailAmount = null,
        [Description("A trailing stop's trail as a percent.")] decimal? trailPercent = null,
        [Description("The account's id; omit for the user's default account.")] string? accountId = null,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        var request = new PlaceOrderRequest
        {
            Symbol = symbol, Side = side, Type = type, Quantity = quantity, Price = price, StopPrice = stopPrice, TimeInForce = timeInForce,
            ClientOrderId = clientOrderId, Leverage = leverage, StopLoss = stopLoss, TakeProfit = takeProfit, TrailAmount = trailAmount,
            TrailPercent = trailPercent,
        };
        McpToolErrors.Validate(request);
        var owner = user.GetUserId().Value;
        var account = await resolver.ResolveAsync(owner, accountId, cancellationToken);
        var (order, created) = await orders.PlaceAsync(owner, account, request, cancellationToken);
        if (created)
        {
            await audit.RecordAsync(user, McpAuditEvents.OrderPlaced, new { orderId = order.Id, accountId = order.AccountId, order.Symbol, order.Side, order.Type, order.Quantity, order.Status, order.ClientOrderId }, cancellationToken);
        }

        return new McpOrderResult(created ? Describe("Placed", order) : Describe("Already placed (same clientOrderId), unchanged:", order), created, order);
    });

    [McpServerTool(Name = "cancel_order", Title = "Cancel a paper order", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false)]
    [Description("Cancels an open order of one of the user's accounts and says what happened; an order no longer open (filled, cancelled …) cannot be cancelled.")]
    public Task<McpOrderResult> CancelOrderAsync(
        ClaimsPrincipal user,
        [Description("The order's id.")] string orderId,
        [Description("The order's account id; omit for the user's default account.")] string? accountId = null,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(async () =>
    {
        var id = new OrderId(McpToolErrors.ParseId("orderId", orderId));
        var owner = user.GetUserId().Value;
        var account = await resolver.ResolveAsync(owner, accountId, cancellationToken);
        var order = await orders.CancelAsync(owner, account, id, cancellationToken);
        await audit.RecordAsync(user, McpAuditEvents.OrderCancelled, new { orderId = order.Id, accountId = order.AccountId, order.Symbol, order.Status }, cancellationToken);
        return new McpOrderResult(Describe("Cancelled", order), false, order);
    });

    private static string Describe(string verb, OrderResponse order)
    {
        var what = string.Create(CultureInfo.InvariantCulture,
            $"{verb} {order.Type} {order.Side} {order.Quantity} {order.Symbol} on account {order.AccountId}: order {order.Id} is {order.Status}");
        var fills = order.FilledQuantity > 0
            ? string.Create(CultureInfo.InvariantCulture, $", filled {order.FilledQuantity} at an average {order.AveragePrice} (commission {order.Commission})")
            : "";
        var reason = order.StatusReason is { Length: > 0 } r ? $" ({r})" : "";
        return what + fills + reason + ".";
    }
}
