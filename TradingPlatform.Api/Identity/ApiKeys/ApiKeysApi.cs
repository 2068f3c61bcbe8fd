using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>
/// <c>/api/api-keys</c>: the caller's keys for agents (the MCP server at <c>/mcp</c>). Managed with the user's own access
/// token only (a key cannot mint or revoke keys: these routes use the JWT scheme alone). Another user's key is a 404.
/// </summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization();
        group.MapPost("/", CreateAsync).ProducesValidationError().WithName("CreateApiKey")
            .WithSummary("Creates an API key with scopes (read, trade, backtest) and an optional expiry; the key is shown in this answer only")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("The caller's API keys (never the secret): prefix, scopes, status, last use");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("Revokes one of the caller's API keys; its next request is refused").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Created<ApiResponse<CreatedApiKeyResponse>>> CreateAsync(
        CreateApiKeyRequest request, HttpContext http, ApiKeyService keys, TimeProvider time)
    {
        var created = await keys.CreateAsync(http.User, request, http.RequestAborted);
        return ApiResults.Created($"/api/api-keys/{created.ApiKey.Id}", created, time,
            "Store the key now: it is not shown again. Send it as 'Authorization: Bearer <key>' to /mcp.");
    }

    private static async Task<Ok<ApiResponse<IReadOnlyList<ApiKeyResponse>>>> ListAsync(HttpContext http, ApiKeyService keys, TimeProvider time) =>
        ApiResults.Ok(await keys.ListAsync(http.User, http.RequestAborted), time);

    private static async Task<NoContent> RevokeAsync(Guid id, HttpContext http, ApiKeyService keys)
    {
        await keys.RevokeAsync(http.User, id, http.RequestAborted);
        return TypedResults.NoContent();
    }
}
