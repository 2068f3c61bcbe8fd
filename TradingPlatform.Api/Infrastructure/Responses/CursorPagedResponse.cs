namespace TradingPlatform.Api.Infrastructure.Responses;

/// <summary>
/// A page of an append-only stream (seed 003): <c>{"success": true, "data": […], "nextCursor": …, "total": …, "timestamp": …}</c>.
/// <see cref="NextCursor"/> is opaque and null on the last page; <see cref="Total"/> counts every item matching the
/// filters, across all pages.
/// </summary>
public sealed record CursorPagedResponse<T>(IReadOnlyList<T> Data, string? NextCursor, long Total, DateTimeOffset Timestamp)
{
    public bool Success => true;
}
