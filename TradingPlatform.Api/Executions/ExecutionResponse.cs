using TradingPlatform.Trading.Infrastructure;
using TradingPlatform.Api.Trading;
using TradingPlatform.Trading.Execution;

namespace TradingPlatform.Api.Executions;

/// <summary>A fill (seed 003's execution): price, quantity, fee, liquidity side and the order it belongs to.</summary>
public sealed record ExecutionResponse(
    Guid Id, Guid OrderId, Guid AccountId, Guid PositionId, string Symbol, string Side, decimal Quantity, decimal Price, decimal Fee,
    string Liquidity, decimal RealizedPnl, Guid? StrategyId, DateTimeOffset ExecutedAt)
{
    public static ExecutionResponse From(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new ExecutionResponse(fill.Id.Value, fill.OrderId.Value, fill.AccountId.Value, fill.PositionId.Value, fill.Symbol, WireNames.Snake(fill.Side),
            fill.Quantity, fill.Price, fill.Commission, WireNames.Snake(fill.Liquidity), fill.RealizedPnl, fill.StrategyId?.Value, fill.ExecutedAt);
    }
}
