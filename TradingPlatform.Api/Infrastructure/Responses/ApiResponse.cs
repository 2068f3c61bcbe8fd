namespace TradingPlatform.Api.Infrastructure.Responses;

/// <summary>The success envelope of seed 001: <c>{"success": true, "data": …, "message"?: …, "timestamp": …}</c>.</summary>
public sealed record ApiResponse<T>(T Data, DateTimeOffset Timestamp, string? Message = null)
{
    public bool Success => true;
}
