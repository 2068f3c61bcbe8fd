using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>
/// Seed 000's position_update data: the action and the full position as the integration event carries it (side LONG/SHORT,
/// entry time in Unix milliseconds).
/// </summary>
public sealed record PositionUpdateData(string Action, PositionSnapshot Position, DateTimeOffset Timestamp);
