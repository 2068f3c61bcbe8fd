namespace TradingPlatform.AppHost.ResourceApi;

/// <summary>The envelope's <c>error</c> member.</summary>
public sealed record ResourceApiError(string Code, string Message, object? Details);
