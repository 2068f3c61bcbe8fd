namespace TradingPlatform.Trading.Orders;

/// <summary>Order kinds; serialised snake_case ("stop_limit", "trailing_stop") as seed 001 names them.</summary>
public enum OrderType
{
    Market,
    Limit,
    Stop,
    StopLimit,
    TrailingStop,
}
