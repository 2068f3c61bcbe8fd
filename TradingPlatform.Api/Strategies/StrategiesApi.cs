using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Strategies;

/// <summary>
/// <c>/api/strategies</c> (seed 001): the caller's own strategies. Anyone signed in may list and read theirs; creating,
/// changing and deleting need the trader role. Another user's strategy is a 404.
/// </summary>
public static class StrategiesApi
{
    public static RouteGroupBuilder MapStrategiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/strategies").WithTags("Strategies")
            .RequireAuthorization(AuthorizationPolicies.Viewer).RequireSchema<TradingDbContext>();
        group.MapGet("/", ListAsync).WithName("ListStrategies")
            .WithSummary("The caller's strategies, newest first (page, limit; optional status and type filters)");
        group.MapGet("/algorithms", ListAlgorithms).WithName("ListStrategyAlgorithms")
            .WithSummary("The algorithms a strategy can run (sma_crossover, ema_crossover, rsi_mean_reversion, bollinger_breakout, macd, donchian_breakout) with their parameters");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetStrategy").WithSummary("One of the caller's strategies, with its performance");
        group.MapPost("/", CreateAsync).WithName("CreateStrategy").WithSummary("Creates a strategy (inactive)")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesValidationError();
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateStrategy")
            .WithSummary("Changes a strategy; status moves inactive→active, active→paused|inactive, paused→active|inactive")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesValidationError().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteStrategy").WithSummary("Stops and deletes a strategy")
            .RequireAuthorization(AuthorizationPolicies.Trader);
        return group;
    }

    private static async Task<Ok<PagedResponse<StrategyResponse>>> ListAsync(
        int? page, int? limit, string? status, string? type, HttpContext http, StrategyService strategies, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await strategies.ListAsync(
            http.User.GetUserId().Value, request, ParseFilter<StrategyStatus>(status, "status"), ParseFilter<StrategyType>(type, "type"),
            http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static Ok<ApiResponse<IReadOnlyList<AlgorithmResponse>>> ListAlgorithms(TimeProvider time) =>
        ApiResults.Ok<IReadOnlyList<AlgorithmResponse>>([.. StrategyAlgorithms.All.Select(AlgorithmResponse.From)], time);

    private static async Task<Ok<ApiResponse<StrategyResponse>>> GetAsync(Guid id, HttpContext http, StrategyService strategies, TimeProvider time) =>
        ApiResults.Ok(await strategies.GetAsync(http.User.GetUserId().Value, new StrategyId(id), http.RequestAborted), time);

    private static async Task<Created<ApiResponse<StrategyResponse>>> CreateAsync(
        CreateStrategyRequest request, HttpContext http, StrategyService strategies, TimeProvider time)
    {
        var created = await strategies.CreateAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Created($"/api/strategies/{created.Id}", created, time, "Strategy created.");
    }

    private static async Task<Ok<ApiResponse<StrategyResponse>>> UpdateAsync(
        Guid id, UpdateStrategyRequest request, HttpContext http, StrategyService strategies, TimeProvider time) =>
        ApiResults.Ok(await strategies.UpdateAsync(http.User.GetUserId().Value, new StrategyId(id), request, http.RequestAborted), time);

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, StrategyService strategies)
    {
        await strategies.DeleteAsync(http.User.GetUserId().Value, new StrategyId(id), http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static TEnum? ParseFilter<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        var message = $"{field} is one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.";
        throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message,
            new Dictionary<string, string[]> { [field] = [message] });
    }
}
