namespace TradingPlatform.Trading.Positions;

public enum PositionCloseReason
{
    /// <summary>Closed by opposite orders (or the close endpoint).</summary>
    Closed,
    StopLoss,
    TakeProfit,
    Liquidation,
}
