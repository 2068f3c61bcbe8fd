namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>The seed envelope's <c>error</c> member.</summary>
public sealed record ErrorBody(string Code, string Message, object? Details);
