using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Api.Orders;

/// <summary>
/// <c>/api/accounts/{accountId}/orders</c> (seed 004). A retried POST with the same <c>clientOrderId</c> answers 200
/// with the order placed the first time instead of placing another.
/// </summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder trading)
    {
        ArgumentNullException.ThrowIfNull(trading);
        var group = trading.MapGroup("/api/accounts/{accountId:guid}/orders").WithTags("Orders");
        group.MapPost("/", PlaceAsync).ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("PlaceOrder")
            .WithSummary("Place an order (market, limit, stop, stop_limit, trailing_stop; GTC, IOC, FOK, DAY)");
        group.MapGet("/", ListAsync).WithName("ListOrders").WithSummary("List the account's orders, newest first");
        group.MapGet("/{orderId:guid}", GetAsync).WithName("GetOrder").WithSummary("One order");
        group.MapPut("/{orderId:guid}", ModifyAsync).RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("ModifyOrder")
            .WithSummary("Modify an open order's quantity, price, stop price or bracket; 409 once it is no longer open");
        group.MapDelete("/{orderId:guid}", CancelAsync).RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("CancelOrder")
            .WithSummary("Cancel an open order; 409 once it is no longer open");
        return group;
    }

    internal static async Task<Results<Created<ApiResponse<OrderResponse>>, Ok<ApiResponse<OrderResponse>>>> PlaceAsync(
        Guid accountId, PlaceOrderRequest request, HttpContext http, OrderService orders, TimeProvider time)
    {
        var (order, created) = await orders.PlaceAsync(http.User.GetUserId().Value, new AccountId(accountId), request, http.RequestAborted);
        return created
            ? ApiResults.Created($"/api/accounts/{accountId}/orders/{order.Id}", order, time)
            : ApiResults.Ok(order, time, "An order with this clientOrderId already exists; it is returned unchanged.");
    }

    internal static async Task<Ok<PagedResponse<OrderResponse>>> ListAsync(
        Guid accountId, int? page, int? limit, string? status, string? symbol, DateTimeOffset? startDate, DateTimeOffset? endDate,
        HttpContext http, OrderService orders, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await orders.ListAsync(http.User.GetUserId().Value, new AccountId(accountId),
            new OrderQuery(status, symbol, startDate, endDate), request, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    internal static async Task<Ok<ApiResponse<OrderResponse>>> GetAsync(Guid accountId, Guid orderId, HttpContext http, OrderService orders, TimeProvider time) =>
        ApiResults.Ok(await orders.GetAsync(http.User.GetUserId().Value, new AccountId(accountId), new OrderId(orderId), http.RequestAborted), time);

    internal static async Task<Ok<ApiResponse<OrderResponse>>> ModifyAsync(
        Guid accountId, Guid orderId, ModifyOrderRequest request, HttpContext http, OrderService orders, TimeProvider time) =>
        ApiResults.Ok(await orders.ModifyAsync(http.User.GetUserId().Value, new AccountId(accountId), new OrderId(orderId), request, http.RequestAborted),
            time, "Order modified.");

    internal static async Task<Ok<ApiResponse<OrderResponse>>> CancelAsync(Guid accountId, Guid orderId, HttpContext http, OrderService orders, TimeProvider time) =>
        ApiResults.Ok(await orders.CancelAsync(http.User.GetUserId().Value, new AccountId(accountId), new OrderId(orderId), http.RequestAborted),
            time, "Order cancelled successfully");
}
