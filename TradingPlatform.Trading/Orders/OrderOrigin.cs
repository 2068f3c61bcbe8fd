namespace TradingPlatform.Trading.Orders;

/// <summary>Who created an order: the trader, or the platform closing a position on the trader's behalf.</summary>
public enum OrderOrigin
{
    Client,
    ManualClose,
    StopLoss,
    TakeProfit,
    Liquidation,
}
