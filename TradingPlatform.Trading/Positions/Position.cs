using TradingPlatform.Trading.Accounts;

namespace TradingPlatform.Trading.Positions;

/// <summary>
/// The net position of an account in one symbol (netting: at most one open position per account and symbol). An
/// order against it reduces it, closes it, or closes it and opens the opposite one. Quantity is always positive.
/// </summary>
public sealed class Position
{
    public required PositionId Id { get; init; }

    public required AccountId AccountId { get; init; }

    public required string Symbol { get; init; }

    public required PositionSide Side { get; init; }

    public decimal Quantity { get; set; }

    /// <summary>Volume-weighted average entry price.</summary>
    public decimal EntryPrice { get; set; }

    /// <summary>Margin held: the entry notional divided by the leverage of the fills that built the position.</summary>
    public decimal Margin { get; set; }

    public decimal? StopLoss { get; set; }

    public decimal? TakeProfit { get; set; }

    public decimal LiquidationPrice { get; set; }

    public decimal RealizedPnl { get; set; }

    /// <summary>Buy quantity minus sell quantity of this position's fills, signed by side; equals Quantity (checked by tests).</summary>
    public decimal FilledQuantityTotal { get; set; }

    public decimal ClosePrice { get; set; }

    public PositionCloseReason? CloseReason { get; set; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The last time funding was settled (futures), so that a day is never charged twice.</summary>
    public DateTimeOffset? FundedAt { get; set; }

    public bool IsOpen => ClosedAt is null;

    public int Direction => Side == PositionSide.Long ? 1 : -1;

    /// <summary>Effective leverage: entry notional over margin.</summary>
    public decimal Leverage => Margin == 0 ? 1 : Math.Round(Quantity * EntryPrice / Margin, 2);

    /// <summary>The price the position is marked at: what closing it would hit (bid for longs, ask for shorts).</summary>
    public decimal MarkPrice(Market.Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return Side == PositionSide.Long ? quote.Bid : quote.Ask;
    }

    public decimal UnrealizedPnl(decimal markPrice) => (markPrice - EntryPrice) * Quantity * Direction;
}
