using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>
/// <c>/api/signals</c> (seed 003): the market-wide signals stream. Every signed-in user reads every signal, strategy
/// signals included (a signal names its strategy's id, never its owner or settings); only admins (and internal
/// services signed in as admin) post. In-process producers use <see cref="SignalStore"/> directly.
/// </summary>
public static class SignalsApi
{
    public static RouteGroupBuilder MapSignalsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/signals").WithTags("Signals")
            .RequireAuthorization(AuthorizationPolicies.Viewer).RequireSchema<TradingDbContext>();
        group.MapGet("/", ListAsync).WithName("ListSignals")
            .WithSummary("Signals newest first, cursor-paginated (limit ≤ 200, cursor; filters symbol, minScore, since)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSignal").WithSummary("One signal");
        group.MapPost("/", CreateAsync).WithName("CreateSignal").WithSummary("Records a signal (admins and internal services)")
            .RequireAuthorization(AuthorizationPolicies.Admin).ProducesValidationError();
        return group;
    }

    private static async Task<Ok<CursorPagedResponse<SignalResponse>>> ListAsync(
        int? limit, string? cursor, string? symbol, decimal? minScore, DateTimeOffset? since,
        SignalStore signals, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = new SignalQuery(limit ?? SignalQuery.DefaultLimit);
        if (query.Limit is < 1 or > SignalQuery.MaxLimit)
        {
            throw Invalid("limit", $"limit must be between 1 and {SignalQuery.MaxLimit}.");
        }

        if (cursor is not null)
        {
            query = query with { After = SignalCursor.TryDecode(cursor, out var after) ? after : throw Invalid("cursor", "The cursor is not one this API returned.") };
        }

        if (symbol is not null)
        {
            query = query with { Symbol = InstrumentCatalog.Find(symbol)?.Symbol ?? throw Invalid("symbol", $"Unknown symbol '{symbol}'.") };
        }

        if (minScore is { } min)
        {
            query = query with { MinScore = min is >= Signal.MinScore and <= Signal.MaxScore ? min : throw Invalid("minScore", "minScore is between -1 and 1.") };
        }

        query = query with { Since = since };
        var page = await signals.ListAsync(query, cancellationToken);
        return TypedResults.Ok(new CursorPagedResponse<SignalResponse>(
            page.Items.Select(SignalResponse.From).ToList(), page.Next?.Encode(), page.Total, time.GetUtcNow()));
    }

    private static async Task<Ok<ApiResponse<SignalResponse>>> GetAsync(Guid id, SignalStore signals, TimeProvider time, CancellationToken cancellationToken) =>
        ApiResults.Ok(SignalResponse.From(await signals.FindAsync(new SignalId(id), cancellationToken)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Signal not found.")), time);

    private static async Task<Created<ApiResponse<SignalResponse>>> CreateAsync(
        CreateSignalRequest request, HttpContext http, SignalStore signals, TimeProvider time)
    {
        var signal = request.ToNewSignal(http.User.GetUserId().Value);
        if (signal.StrategyId is { } strategyId && !await signals.StrategyExistsAsync(strategyId, http.RequestAborted))
        {
            throw Invalid("strategyId", "Unknown strategy.");
        }

        var recorded = SignalResponse.From(await signals.RecordAsync(signal, http.RequestAborted));
        return ApiResults.Created($"/api/signals/{recorded.Id}", recorded, time, "Signal recorded.");
    }

    private static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });
}
