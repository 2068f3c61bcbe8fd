using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// The configuration analysis' results (seed 000's <c>/ai/config-suggestions</c> and <c>/ai/gpt4-analysis-history</c>):
/// the caller's own suggestions and analysis runs, and applying or dismissing a suggestion. Another user's suggestion is
/// a 404, exactly like one that does not exist.
/// </summary>
public static class ConfigSuggestionsApi
{
    private static readonly string[] Statuses = ["active", "applied", "dismissed", "superseded"];

    public static RouteGroupBuilder MapConfigSuggestionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ai").WithTags("AI")
            .RequireAuthorization(AuthorizationPolicies.Viewer).RequireSchema<TradingDbContext>();
        group.MapGet("/config-suggestions", ListAsync).WithName("ListConfigSuggestions")
            .WithSummary("The caller's configuration suggestions, newest first (status: active (default), applied, dismissed, superseded; page, limit)");
        group.MapPost("/config-suggestions/{id:guid}/apply", ApplyAsync).WithName("ApplyConfigSuggestion")
            .WithSummary("Applies a suggestion: changes the strategy (through the strategy update) or the account setting, audited; 409 when it is no longer active or the setting changed since")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/config-suggestions/{id:guid}/dismiss", DismissAsync).WithName("DismissConfigSuggestion")
            .WithSummary("Dismisses an active suggestion")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/analysis-history", HistoryAsync).WithName("ListAnalysisHistory")
            .WithSummary("The caller's configuration analyses, newest first: trigger, status, source (rules or llm), figures, error (page, limit)");
        group.MapGet("/gpt4-analysis-history", HistoryAsync).WithName("ListGpt4AnalysisHistory")
            .WithSummary("Seed 000's name for /api/ai/analysis-history");
        return group;
    }

    private static async Task<Ok<PagedResponse<ConfigSuggestionResponse>>> ListAsync(
        int? page, int? limit, string? status, HttpContext http, ConfigSuggestionsStore store, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var filter = status ?? "active";
        if (!Statuses.Contains(filter, StringComparer.Ordinal))
        {
            var message = $"status is one of: {string.Join(", ", Statuses)}.";
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message,
                new Dictionary<string, string[]> { ["status"] = [message] });
        }

        var (items, total) = await store.ListAsync(http.User.GetUserId().Value, filter, request, http.RequestAborted);
        return ApiResults.Page<ConfigSuggestionResponse>([.. items.Select(ConfigSuggestionResponse.From)], request, total, time);
    }

    private static async Task<Ok<ApiResponse<ConfigSuggestionResponse>>> ApplyAsync(Guid id, HttpContext http, ConfigSuggestionApplier applier, TimeProvider time) =>
        ApiResults.Ok(ConfigSuggestionResponse.From(await applier.ApplyAsync(http.User.GetUserId().Value, id, http.RequestAborted)), time, "Suggestion applied.");

    private static async Task<Ok<ApiResponse<ConfigSuggestionResponse>>> DismissAsync(Guid id, HttpContext http, ConfigSuggestionApplier applier, TimeProvider time) =>
        ApiResults.Ok(ConfigSuggestionResponse.From(await applier.DismissAsync(http.User.GetUserId().Value, id, http.RequestAborted)), time, "Suggestion dismissed.");

    private static async Task<Ok<PagedResponse<AnalysisRunResponse>>> HistoryAsync(int? page, int? limit, HttpContext http, ConfigSuggestionsStore store, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await store.HistoryAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Page<AnalysisRunResponse>([.. items.Select(AnalysisRunResponse.From)], request, total, time);
    }
}
