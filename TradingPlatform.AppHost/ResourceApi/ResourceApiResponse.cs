namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>The success envelope of ARCHITECTURE.md: <c>{"success": true, "data": …, "message"?: …, "timestamp": …}</c>.</summary>
public sealed record ResourceApiResponse<T>(bool Success, T Data, string? Message, DateTimeOffset Timestamp);
