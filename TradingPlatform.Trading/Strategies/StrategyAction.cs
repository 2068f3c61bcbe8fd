using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// What a signal became at the next price: the order placed for it, or why none was (below the minimum size, the
/// daily loss limit, a refusal by the venue such as insufficient margin). Nothing a strategy decides goes unrecorded.
/// </summary>
public sealed record StrategyAction(string Symbol, DateTimeOffset At, TargetExposure Target, OrderId? OrderId, string? Refusal);
