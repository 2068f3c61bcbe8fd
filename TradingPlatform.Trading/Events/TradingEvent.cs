namespace TradingPlatform.Trading.Events;

/// <summary>Something that changed in an account, for the real-time channels and integration events.</summary>
public abstract record TradingEvent(DateTimeOffset At);
