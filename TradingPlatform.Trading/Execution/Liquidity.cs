namespace TradingPlatform.Trading.Execution;

/// <summary>Maker: a resting order filled when the market came to it. Taker: an order that crossed the spread.</summary>
public enum Liquidity
{
    Maker,
    Taker,
}
