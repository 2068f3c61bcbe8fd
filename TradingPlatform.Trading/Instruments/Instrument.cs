namespace TradingPlatform.Trading.Instruments;

/// <summary>
/// A tradeable instrument and the execution model's parameters for it. Every price is in <see cref="QuoteAsset"/>;
/// all shipped instruments quote in USD, the accounts' currency, so no conversion is needed on fills.
/// </summary>
public sealed record Instrument
{
    public required string Symbol { get; init; }

    public required string Name { get; init; }

    public required InstrumentType Type { get; init; }

    public required string BaseAsset { get; init; }

    public required string QuoteAsset { get; init; }

    /// <summary>Prices (limit, stop, stop-loss, take-profit) must be whole multiples of this.</summary>
    public required decimal TickSize { get; init; }

    /// <summary>Quantities must be whole multiples of this.</summary>
    public required decimal LotSize { get; init; }

    public required decimal MinQuantity { get; init; }

    public required decimal MaxQuantity { get; init; }

    /// <summary>Full bid/ask spread as a fraction of the mid price (0.0002 = 2 bp).</summary>
    public required decimal Spread { get; init; }

    /// <summary>Base slippage as a fraction of price; the size-dependent part is added to it (seed 004).</summary>
    public required decimal SlippageFactor { get; init; }

    /// <summary>Extra slippage per unit of quantity, as a fraction of price (seed 004: "0.1% per unit size", scaled per instrument).</summary>
    public required decimal SizeImpact { get; init; }

    /// <summary>
    /// Half-width of the seeded random part of slippage, as a fraction of price (seed 004: ±0.02 %). Not a venue setting
    /// (it is not stored): a backtest may set it to 0 so that fills are deterministic functions of price and size, which
    /// is what lets a parameter sweep's fast path reproduce the engine exactly. Live trading always keeps the default.
    /// </summary>
    public decimal RandomSlippage { get; init; } = Execution.ExecutionCosts.RandomSlippage;

    /// <summary>Commission as a fraction of notional, charged on entry and on exit (seed 004: 0.02%).</summary>
    public decimal CommissionRate { get; init; } = 0.0002m;

    /// <summary>Smallest commission charged on a fill (seed 004: $0.01).</summary>
    public decimal MinCommission { get; init; } = 0.01m;

    public required int MaxLeverage { get; init; }

    /// <summary>Maintenance margin as a fraction of notional: a position is liquidated when its loss leaves less than this.</summary>
    public decimal MaintenanceMarginRate { get; init; } = 0.005m;

    /// <summary>Typical quantity shown at the best bid and ask; larger orders fill in parts (partial fills).</summary>
    public required decimal TopOfBookSize { get; init; }

    /// <summary>Daily funding rate charged to longs and paid to shorts (negative reverses it); futures only.</summary>
    public decimal DailyFundingRate { get; init; }

    /// <summary>Annualised volatility the simulated market uses for this instrument.</summary>
    public required decimal AnnualVolatility { get; init; }

    /// <summary>Where the simulated market starts when there is no history.</summary>
    public required decimal InitialPrice { get; init; }

    public required TradingHours Hours { get; init; }

    public bool Active { get; init; } = true;

    public bool IsOnTick(decimal price) => price % TickSize == 0m;

    public bool IsOnLot(decimal quantity) => quantity % LotSize == 0m;

    /// <summary>Rounds a computed price (a fill with slippage) to the instrument's tick.</summary>
    public decimal RoundToTick(decimal price) => Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;

    /// <summary>Rounds down to the lot size (partial fills never leave a fraction of a lot).</summary>
    public decimal FloorToLot(decimal quantity) => Math.Floor(quantity / LotSize) * LotSize;
}
