using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Api.Executions;

/// <summary><c>GET /api/executions</c> (seed 003): the caller's fills across their accounts, newest first.</summary>
public static class ExecutionsApi
{
    public static RouteGroupBuilder MapExecutionsApi(this RouteGroupBuilder trading)
    {
        ArgumentNullException.ThrowIfNull(trading);
        var group = trading.MapGroup("/api/executions").WithTags("Executions");
        group.MapGet("/", ListAsync).WithName("ListExecutions").WithSummary("The caller's executions (fills); filter by accountId, orderId, symbol");
        return group;
    }

    private static async Task<Ok<PagedResponse<ExecutionResponse>>> ListAsync(
        Guid? accountId, Guid? orderId, string? symbol, int? page, int? limit, HttpContext http, TradingDbContext db, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var ownerId = http.User.GetUserId().Value;
        var accounts = db.Accounts.Where(a => a.OwnerId == ownerId).Select(a => a.Id);
        var query = db.Fills.AsNoTracking().Where(f => accounts.Contains(f.AccountId));
        if (accountId is { } account)
        {
            query = query.Where(f => f.AccountId == new AccountId(account));
        }

        if (orderId is { } order)
        {
            query = query.Where(f => f.OrderId == new OrderId(order));
        }

        if (symbol is { } s)
        {
            var canonical = Symbol.Normalize(s);
            query = query.Where(f => f.Symbol == canonical);
        }

        var total = await query.CountAsync(http.RequestAborted);
        var fills = await query.OrderByDescending(f => f.ExecutedAt).ThenByDescending(f => f.Id).Skip(request.Skip).Take(request.Limit)
            .ToListAsync(http.RequestAborted);
        return ApiResults.Page([.. fills.Select(ExecutionResponse.From)], request, total, time);
    }
}
