using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>Who produced a signal: <c>kind</c> is strategy, ai, manual or internal.</summary>
public sealed record SignalSourceResponse(SignalSourceKind Kind, string? Id, string? Name);
