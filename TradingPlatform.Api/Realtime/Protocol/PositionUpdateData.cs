namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>Seed 000's position_update data: the action and the full position.</summary>
public sealed record PositionUpdateData(string Action, PositionPayload Position, DateTimeOffset Timestamp);
