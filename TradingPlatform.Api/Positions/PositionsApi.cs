using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Api.Positions;

/// <summary>
/// <c>/api/accounts/{accountId}/positions</c> (seed 004). Stop-loss, take-profit and liquidation trigger on ticks;
/// when one tick or bar reaches both the stop-loss and the take-profit, the stop-loss wins.
/// </summary>
public static class PositionsApi
{
    public static RouteGroupBuilder MapPositionsApi(this RouteGroupBuilder trading)
    {
        ArgumentNullException.ThrowIfNull(trading);
        var group = trading.MapGroup("/api/accounts/{accountId:guid}/positions").WithTags("Positions");
        group.MapGet("/", ListAsync).WithName("ListPositions").WithSummary("List positions: open by default, ?status=closed for history, ?status=all");
        group.MapGet("/{positionId:guid}", GetAsync).WithName("GetPosition").WithSummary("One position");
        group.MapPost("/close", CloseAsync).ProducesValidationError().RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("ClosePosition").WithSummary("Close a position fully, or partly with quantity, at the market");
        group.MapPatch("/{positionId:guid}", PatchAsync).RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("UpdatePositionProtection").WithSummary("Set or clear (null) the stop-loss and take-profit; if one tick reaches both, the stop-loss wins");
        return group;
    }

    internal static async Task<Ok<PagedResponse<PositionResponse>>> ListAsync(
        Guid accountId, string? status, int? page, int? limit, HttpContext http, PositionService positions, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await positions.ListAsync(http.User.GetUserId().Value, new AccountId(accountId), status, request, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<Ok<ApiResponse<PositionResponse>>> GetAsync(
        Guid accountId, Guid positionId, HttpContext http, PositionService positions, TimeProvider time) =>
        ApiResults.Ok(await positions.GetAsync(http.User.GetUserId().Value, new AccountId(accountId), new PositionId(positionId), http.RequestAborted), time);

    private static async Task<Ok<ApiResponse<ClosePositionResponse>>> CloseAsync(
        Guid accountId, ClosePositionRequest request, HttpContext http, PositionService positions, TimeProvider time)
    {
        var (position, order) = await positions.CloseAsync(http.User.GetUserId().Value, new AccountId(accountId), request, http.RequestAborted);
        return ApiResults.Ok(new ClosePositionResponse(position, order), time, position.Status == "closed" ? "Position closed." : "Position partly closed.");
    }

    private static async Task<Ok<ApiResponse<PositionResponse>>> PatchAsync(
        Guid accountId, Guid positionId, JsonElement body, HttpContext http, PositionService positions, TimeProvider time) =>
        ApiResults.Ok(await positions.PatchAsync(http.User.GetUserId().Value, new AccountId(accountId), new PositionId(positionId), body, http.RequestAborted),
            time, "Protection updated.");
}
