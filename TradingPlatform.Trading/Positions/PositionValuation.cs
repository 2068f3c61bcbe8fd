using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Positions;

/// <summary>
/// A position's figures at a quote, as the REST API and the integration events show them: an open position is marked
/// at the quote (no quote, no current price), a closed one at its close; P&amp;L and its percentage of the margin are
/// rounded to cents.
/// </summary>
public readonly record struct PositionValuation(decimal? CurrentPrice, decimal UnrealizedPnl, decimal UnrealizedPnlPercent)
{
    public static PositionValuation Of(Position position, Quote? quote)
    {
        ArgumentNullException.ThrowIfNull(position);
        decimal? current = position.IsOpen ? quote is null ? null : position.MarkPrice(quote) : position.ClosePrice;
        var unrealized = position.IsOpen && current is { } mark ? Math.Round(position.UnrealizedPnl(mark), 2) : 0m;
        var percent = position.IsOpen && position.Margin > 0 ? Math.Round(unrealized / position.Margin * 100m, 2) : 0m;
        return new PositionValuation(current, unrealized, percent);
    }
}
