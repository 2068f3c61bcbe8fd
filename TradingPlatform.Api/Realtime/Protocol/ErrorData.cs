namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>The data of an <c>error</c> message: one of ARCHITECTURE.md's codes and what was wrong.</summary>
public sealed record ErrorData(string Code, string Message);
