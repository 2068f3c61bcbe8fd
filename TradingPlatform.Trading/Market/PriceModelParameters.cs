namespace TradingPlatform.Trading.Market;

/// <summary>
/// The constants of the simulated market. Regime multipliers and switching rates are chosen so that the long-run
/// variance (calm about 86% of the time at 0.8σ, volatile 14% at 1.8σ, plus jumps) equals the instrument's
/// <see cref="Instruments.Instrument.AnnualVolatility"/>.
/// </summary>
public static class PriceModelParameters
{
    public const double SecondsPerYear = 365.25 * 24 * 3600;

    public const double CalmVolatilityMultiplier = 0.8;
    public const double VolatileVolatilityMultiplier = 1.8;

    /// <summary>Calm lasts about 12.5 hours on average.</summary>
    public const double CalmToVolatilePerHour = 0.08;

    /// <summary>A volatile spell lasts about 2 hours on average.</summary>
    public const double VolatileToCalmPerHour = 0.5;

    /// <summary>Poisson rate of price jumps (news).</summary>
    public const double JumpsPerDay = 2;

    /// <summary>A jump's standard deviation (log return) as a fraction of the annual volatility.</summary>
    public const double JumpSizeOfAnnualVolatility = 0.01;

    /// <summary>Spreads widen by this much while the market is volatile.</summary>
    public const decimal VolatileSpreadMultiplier = 1.5m;

    /// <summary>Average traded volume per second as a fraction of the instrument's top-of-book size.</summary>
    public const double VolumePerSecondOfTopOfBook = 0.05;

    /// <summary>Volume rises this much while the market is volatile.</summary>
    public const double VolatileVolumeMultiplier = 1.6;

    /// <summary>The longest time one step covers; a longer pause (the feed was down for days) moves like this much.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(3);

    /// <summary>Probability of being volatile in the long run.</summary>
    public const double VolatileShare = CalmToVolatilePerHour / (CalmToVolatilePerHour + VolatileToCalmPerHour);

    /// <summary>The share of the variance jumps contribute, taken out of the diffusion.</summary>
    public static double JumpVarianceShare =>
        JumpsPerDay * 365.25 * JumpSizeOfAnnualVolatility * JumpSizeOfAnnualVolatility;

    /// <summary>Scales the regime multipliers so their long-run mean variance is exactly 1.</summary>
    public static double RegimeNormalisation => Math.Sqrt(1 / (
        ((1 - VolatileShare) * CalmVolatilityMultiplier * CalmVolatilityMultiplier) +
        (VolatileShare * VolatileVolatilityMultiplier * VolatileVolatilityMultiplier)));
}
