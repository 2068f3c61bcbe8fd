namespace TradingPlatform.Trading.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}
