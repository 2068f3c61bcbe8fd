using Microsoft.AspNetCore.Http.HttpResults;

namespace TradingPlatform.Api.Infrastructure.Responses;

/// <summary>Success results in the envelope, stamped with the injected clock.</summary>
public static class ApiResults
{
    public static Ok<ApiResponse<T>> Ok<T>(T data, TimeProvider time, string? message = null) =>
        TypedResults.Ok(new ApiResponse<T>(data, time.GetUtcNow(), message));

    public static Created<ApiResponse<T>> Created<T>(string location, T data, TimeProvider time, string? message = null) =>
        TypedResults.Created(location, new ApiResponse<T>(data, time.GetUtcNow(), message));

    /// <summary>202: the work was accepted (a job enqueued); <paramref name="location"/> is where to follow it, if anywhere.</summary>
    public static Accepted<ApiResponse<T>> Accepted<T>(string? location, T data, TimeProvider time, string? message = null) =>
        TypedResults.Accepted(location, new ApiResponse<T>(data, time.GetUtcNow(), message));

    public static Ok<PagedResponse<T>> Page<T>(IReadOnlyList<T> items, PageRequest page, long total, TimeProvider time) =>
        TypedResults.Ok(new PagedResponse<T>(items, new Pagination(page.Page, page.Limit, total), time.GetUtcNow()));
}
