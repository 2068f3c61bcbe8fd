using TradingPlatform.Trading.Positions;

namespace TradingPlatform.Trading.Events;

public sealed record PositionChanged(Position Position, PositionAction Action, DateTimeOffset At) : TradingEvent(At);
