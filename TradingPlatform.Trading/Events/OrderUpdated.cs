using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Events;

public sealed record OrderUpdated(Order Order, DateTimeOffset At) : TradingEvent(At);
