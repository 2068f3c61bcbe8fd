namespace TradingPlatform.Api.Infrastructure.Responses;

/// <summary>A page of a list, with seed 001's <c>pagination</c> member.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Data, Pagination Pagination, DateTimeOffset Timestamp)
{
    public bool Success => true;
}
