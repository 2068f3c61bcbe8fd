using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Messaging.DeadLetters;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Messaging;

/// <summary>
/// <c>/api/admin/messaging</c> (admins only): what the relay has yet to publish, and the messages consumers gave up on
/// (dead letters), with a replay that moves one back to its consumer's queue.
/// </summary>
public static class MessagingApi
{
    private const int MaxDeadLetters = 200;

    public static RouteGroupBuilder MapMessagingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/messaging").WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.Admin).RequireSchema<TradingDbContext>();
        group.MapGet("/outbox", GetOutboxAsync).WithName("GetOutboxStatus")
            .WithSummary("Unpublished integration events: count, oldest age, the next one's failed attempts");
        group.MapGet("/dead-letters", ListDeadLettersAsync).WithName("ListDeadLetters")
            .WithSummary("Dead-lettered messages per consumer queue (limit ≤ 200 per queue; the queues are not consumed)");
        group.MapPost("/dead-letters/{consumer}/{id}/replay", ReplayAsync).WithName("ReplayDeadLetter")
            .WithSummary("Moves one dead-lettered message back to its consumer's queue with a fresh attempt count");
        return group;
    }

    private static async Task<Ok<ApiResponse<OutboxStatus>>> GetOutboxAsync(
        OutboxStatusReader<TradingDbContext> outbox, TimeProvider time, CancellationToken cancellationToken) =>
        ApiResults.Ok(await outbox.ReadAsync(cancellationToken), time);

    private static async Task<Ok<ApiResponse<IReadOnlyList<DeadLetterQueue>>>> ListDeadLettersAsync(
        int? limit, DeadLetterBrowser deadLetters, TimeProvider time, CancellationToken cancellationToken)
    {
        var max = limit ?? 50;
        if (max is < 1 or > MaxDeadLetters)
        {
            var message = $"limit must be between 1 and {MaxDeadLetters}.";
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message,
                new Dictionary<string, string[]> { ["limit"] = [message] });
        }

        return ApiResults.Ok(await deadLetters.ListAsync(max, cancellationToken), time);
    }

    private static async Task<Ok<ApiResponse<object>>> ReplayAsync(
        string consumer, string id, DeadLetterBrowser deadLetters, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!deadLetters.Consumers.Contains(consumer, StringComparer.Ordinal))
        {
            throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No consumer named '{consumer}'.");
        }

        return await deadLetters.ReplayAsync(consumer, id, cancellationToken)
            ? ApiResults.Ok<object>(new { consumer, id }, time, "The message is back in its consumer's queue.")
            : throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such dead-lettered message.");
    }
}
