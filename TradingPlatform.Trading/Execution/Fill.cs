using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Execution;

/// <summary>An execution (seed 003): part or all of an order filled at one price.</summary>
public sealed class Fill
{
    public required FillId Id { get; init; }

    public required OrderId OrderId { get; init; }

    public required AccountId AccountId { get; init; }

    public required PositionId PositionId { get; init; }

    public required string Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal Price { get; init; }

    public required decimal Commission { get; init; }

    public required Liquidity Liquidity { get; init; }

    /// <summary>P&amp;L realised by this fill (non-zero when it reduced a position), before commission.</summary>
    public required decimal RealizedPnl { get; init; }

    public StrategyId? StrategyId { get; init; }

    public required DateTimeOffset ExecutedAt { get; init; }
}
