namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// The instrument's, the risk management's and the account's figures as exact integers, computed once per sweep from
/// their decimals (see <see cref="CrossoverPlan"/>). Units: prices in ticks, quantities in lots, money in cents;
/// "N/D" pairs are reduced fractions. A plain blittable struct: it is a kernel argument.
/// </summary>
internal struct CrossoverConstants
{
    public long InitialCents;

    /// <summary>The UTC day number of the backtest's start (the account's first trading day).</summary>
    public int StartDay;

    /// <summary>Cents per tick × lot (the P&amp;L of one tick on one lot).</summary>
    public long ValueN;
    public long ValueD;

    /// <summary>Commission cents per tick × lot of notional, and the minimum commission in cents.</summary>
    public long CommissionN;
    public long CommissionD;
    public long MinCommissionCents;

    /// <summary>Slippage fraction = (SlipBase + SlipPerLot × lots) / SlipD, clamped to [0, SlipMax / SlipD]; SlipWorst is the random part's half-width (margin checks).</summary>
    public long SlipBase;
    public long SlipPerLot;
    public long SlipD;
    public long SlipMax;
    public long SlipWorst;

    /// <summary>Funding cents per tick × lot × day (0 when the instrument has none).</summary>
    public long FundingN;
    public long FundingD;

    /// <summary>Sizing: lots = ⌊equity cents × RiskN / (price ticks × RiskD)⌋, capped by the leverage rule's MarginN/MarginD.</summary>
    public long RiskN;
    public long RiskD;
    public long HeadroomN;
    public long HeadroomD;
    public long MaxLots;
    public long MinLots;
    public long TopOfBookLots;

    /// <summary>Stop-loss and take-profit distances in percent as fractions (N = 0: none).</summary>
    public long StopN;
    public long StopD;
    public long TakeN;
    public long TakeD;

    /// <summary>Liquidation price = entry × LiquidationLongN (or ShortN) / LiquidationD, rounded to the tick.</summary>
    public long LiquidationLongN;
    public long LiquidationShortN;
    public long LiquidationD;

    /// <summary>1 when the leverage divides a power of ten, so the engine's decimal margin and leverage are exact.</summary>
    public int LeverageExact;
    public long Leverage;

    /// <summary>Daily loss limit in percent as a fraction (N = 0: none).</summary>
    public long DailyLossN;
    public long DailyLossD;

    /// <summary>The highest stop-loss or take-profit the order validator accepts (1,000,000 × the instrument's initial price).</summary>
    public long MaxPlausibleTicks;

    /// <summary>1 when every order is refused (the leverage exceeds the instrument's maximum).</summary>
    public int OrdersRefused;

    /// <summary>The per-period risk-free rate that Sortino's downside deviation is measured against.</summary>
    public double ReturnTarget;
}
