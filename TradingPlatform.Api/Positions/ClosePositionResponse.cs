using TradingPlatform.Api.Orders;

namespace TradingPlatform.Api.Positions;

/// <summary>The position after the close, and the market order that closed it.</summary>
public sealed record ClosePositionResponse(PositionResponse Position, OrderResponse Order);
