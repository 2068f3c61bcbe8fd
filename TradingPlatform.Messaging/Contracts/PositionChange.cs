namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// A position the change touched: <see cref="Action"/> is OPENED (it did not exist before the change), CLOSED (it is
/// closed after it) or UPDATED (seed 000's actions), and <see cref="Position"/> is its state after the change.
/// </summary>
public sealed record PositionChange(string Action, PositionSnapshot Position);
