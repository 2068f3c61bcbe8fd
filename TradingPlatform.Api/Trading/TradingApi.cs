using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Api.Orders;
using TradingPlatform.Api.Positions;
using TradingPlatform.Api.Portfolio;
using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Api.Trading;

/// <summary>
/// Seed 001's <c>/api/trading</c> endpoints (orders, positions, portfolio) acting on the user's default account: each
/// resolves the account, then answers exactly as the per-account endpoint does.
/// </summary>
public static class TradingApi
{
    public static RouteGroupBuilder MapTradingApi(this RouteGroupBuilder trading)
    {
        ArgumentNullException.ThrowIfNull(trading);
        var group = trading.MapGroup("/api/trading").WithTags("Trading (default account)");
        group.MapGet("/orders", async (int? page, int? limit, string? status, string? symbol, DateTimeOffset? startDate, DateTimeOffset? endDate,
                HttpContext http, OrderService orders, DefaultAccountResolver accounts, TimeProvider time) =>
                await OrdersApi.ListAsync((await DefaultAsync(http, accounts)).Value, page, limit, status, symbol, startDate, endDate, http, orders, time))
            .WithName("ListDefaultAccountOrders").WithSummary("The default account's orders");
        group.MapPost("/orders", async (PlaceOrderRequest request, HttpContext http, OrderService orders, DefaultAccountResolver accounts, TimeProvider time) =>
                await OrdersApi.PlaceAsync((await DefaultAsync(http, accounts)).Value, request, http, orders, time))
            .ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Trader).WithName("PlaceDefaultAccountOrder").WithSummary("Place an order on the default account");
        group.MapGet("/orders/{orderId:guid}", async (Guid orderId, HttpContext http, OrderService orders, DefaultAccountResolver accounts, TimeProvider time) =>
                await OrdersApi.GetAsync((await DefaultAsync(http, accounts)).Value, orderId, http, orders, time))
            .WithName("GetDefaultAccountOrder").WithSummary("One order of the default account");
        group.MapPut("/orders/{orderId:guid}", async (Guid orderId, ModifyOrderRequest request, HttpContext http, OrderService orders,
                DefaultAccountResolver accounts, TimeProvider time) =>
                await OrdersApi.ModifyAsync((await DefaultAsync(http, accounts)).Value, orderId, request, http, orders, time))
            .RequireAuthorization(AuthorizationPolicies.Trader).WithName("ModifyDefaultAccountOrder").WithSummary("Modify an open order of the default account");
        group.MapDelete("/orders/{orderId:guid}", async (Guid orderId, HttpContext http, OrderService orders, DefaultAccountResolver accounts, TimeProvider time) =>
                await OrdersApi.CancelAsync((await DefaultAsync(http, accounts)).Value, orderId, http, orders, time))
            .RequireAuthorization(AuthorizationPolicies.Trader).WithName("CancelDefaultAccountOrder").WithSummary("Cancel an open order of the default account");
        group.MapGet("/positions", async (string? status, int? page, int? limit, HttpContext http, PositionService positions,
                DefaultAccountResolver accounts, TimeProvider time) =>
                await PositionsApi.ListAsync((await DefaultAsync(http, accounts)).Value, status, page, limit, http, positions, time))
            .WithName("ListDefaultAccountPositions").WithSummary("The default account's positions");
        group.MapGet("/portfolio", async (HttpContext http, PortfolioService portfolio, DefaultAccountResolver accounts, TimeProvider time) =>
                ApiResults.Ok(await portfolio.GetAsync(http.User.GetUserId().Value, await DefaultAsync(http, accounts), http.RequestAborted), time))
            .WithName("GetDefaultAccountPortfolio").WithSummary("The default account's portfolio");
        return group;
    }

    private static Task<AccountId> DefaultAsync(HttpContext http, DefaultAccountResolver accounts) =>
        accounts.ResolveAsync(http.User.GetUserId().Value, http.RequestAborted);
}
