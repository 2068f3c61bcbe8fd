using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Orders;

namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// How big a strategy's new position is and where its protection sits, from the strategy's <see cref="RiskManagement"/>:
/// the position risks <c>maxRiskPerTrade</c> % of equity if its stop-loss is hit, so quantity = equity × risk ÷
/// (price × stop-loss distance); without a stop-loss the whole notional is at risk, so notional = equity × risk. The
/// notional never exceeds equity × leverage × 98 % (the rest covers fees and the worst slippage the margin check
/// assumes), is floored to the lot, and an order below the instrument's minimum is not placed at all.
/// </summary>
public static class PositionSizing
{
    public const decimal MarginHeadroom = 0.98m;

    public static decimal Quantity(Instrument instrument, RiskManagement risk, decimal equity, decimal price, int leverage)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(risk);
        if (equity <= 0m || price <= 0m || leverage < 1)
        {
            return 0m;
        }

        var riskBudget = equity * risk.MaxRiskPerTrade / 100m;
        var stopDistance = risk.StopLoss > 0m ? risk.StopLoss / 100m : 1m;
        var quantity = Math.Min(riskBudget / (price * stopDistance), equity * leverage * MarginHeadroom / price);
        quantity = Math.Min(instrument.FloorToLot(quantity), instrument.FloorToLot(instrument.MaxQuantity));
        return quantity < instrument.MinQuantity ? 0m : quantity;
    }

    /// <summary>Stop-loss and take-profit at the strategy's distances from <paramref name="reference"/> (the price entered at), on the tick; null when a distance is 0.</summary>
    public static (decimal? StopLoss, decimal? TakeProfit) Protection(Instrument instrument, RiskManagement risk, OrderSide side, decimal reference)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(risk);
        var sign = side == OrderSide.Buy ? 1m : -1m;
        decimal? stopLoss = risk.StopLoss > 0m ? instrument.RoundToTick(reference * (1m - sign * risk.StopLoss / 100m)) : null;
        decimal? takeProfit = risk.TakeProfit > 0m ? instrument.RoundToTick(reference * (1m + sign * risk.TakeProfit / 100m)) : null;
        // A stop-loss of 100 % or more (a short's take-profit beyond zero) cannot be placed; leave it out.
        return (stopLoss > 0m ? stopLoss : null, takeProfit > 0m ? takeProfit : null);
    }
}
