namespace TradingPlatform.Trading.Events;

/// <summary>Seed 000's position update actions.</summary>
public enum PositionAction
{
    Opened,
    Updated,
    Closed,
}
