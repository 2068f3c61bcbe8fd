using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Execution;

/// <summary>The quantity shown at the touch of one tick, used up as orders fill against it (partial fills).</summary>
internal sealed class TickLiquidity(Quote quote)
{
    private decimal _bought;
    private decimal _sold;

    public decimal Available(OrderSide side) =>
        Math.Max(0m, side == OrderSide.Buy ? quote.AskSize - _bought : quote.BidSize - _sold);

    public void Consume(OrderSide side, decimal quantity)
    {
        if (side == OrderSide.Buy)
        {
            _bought += quantity;
        }
        else
        {
            _sold += quantity;
        }
    }
}
