using TradingPlatform.Trading.Execution;

namespace TradingPlatform.Trading.Events;

public sealed record OrderFilled(Fill Fill, DateTimeOffset At) : TradingEvent(At);
