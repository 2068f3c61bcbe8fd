using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Optimization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Tests.Optimization;

/// <summary>Instruments, settings and sweeps for the optimisation tests: small, seeded, with every cost switched on.</summary>
internal static class OptimizationFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static readonly Guid Seed = new("4f0c2a9e-8d1b-4e37-a5c6-2b9e7d3f1a08");

    /// <summary>
    /// A stock-like instrument with every deterministic cost on: spread, base slippage and size impact (so fills move off
    /// the touch by whole ticks), a commission rate and a (steep) $50 minimum that the smaller fills hit, and no random
    /// slippage.
    /// </summary>
    public static Instrument Stock { get; } = new()
    {
        Symbol = "SWP", Name = "Sweep test stock", Type = InstrumentType.Stock, BaseAsset = "SWP", QuoteAsset = "USD",
        TickSize = 0.01m, LotSize = 1m, MinQuantity = 1m, MaxQuantity = 1_000_000m, Spread = 0.0004m,
        SlippageFactor = 0.0001m, SizeImpact = 0.000002m, CommissionRate = 0.0005m, MinCommission = 50m, MaxLeverage = 50,
        TopOfBookSize = 1_000_000m, AnnualVolatility = 0.3m, InitialPrice = 100m, Hours = TradingHours.AlwaysOpen,
        RandomSlippage = 0m,
    };

    /// <summary>A futures contract: a coarse tick, fractional lots, daily funding and a maintenance margin that leverage reaches.</summary>
    public static Instrument Future { get; } = new()
    {
        Symbol = "SWPF", Name = "Sweep test future", Type = InstrumentType.Future, BaseAsset = "SWP", QuoteAsset = "USD",
        TickSize = 0.25m, LotSize = 0.01m, MinQuantity = 0.01m, MaxQuantity = 100_000m, Spread = 0.0003m,
        SlippageFactor = 0.00005m, SizeImpact = 0.00001m, CommissionRate = 0.0002m, MinCommission = 0.01m, MaxLeverage = 50,
        MaintenanceMarginRate = 0.005m, TopOfBookSize = 100_000m, DailyFundingRate = 0.0003m, AnnualVolatility = 0.5m,
        InitialPrice = 100m, Hours = TradingHours.AlwaysOpen, RandomSlippage = 0m,
    };

    public static StrategyAlgorithm Sma => StrategyAlgorithms.Find("sma_crossover")!;

    public static StrategyAlgorithm Ema => StrategyAlgorithms.Find("ema_crossover")!;

    public static IReadOnlyList<Candle> Bars(Instrument instrument, CandleInterval interval, int count, int seed, double volatility = 0.004) =>
        SyntheticBars.Create(instrument.Symbol, interval, Start, count, seed, 100, volatility);

    public static BacktestSettings Settings(StrategyAlgorithm algorithm, Instrument instrument, CandleInterval interval, int bars, RiskManagement risk, int leverage = 1) => new()
    {
        Parameters = algorithm.Bind(new Dictionary<string, double>(), out _)!,
        Risk = risk,
        Instruments = [instrument],
        Interval = interval,
        Start = Start,
        End = Start + (interval.Duration * bars),
        InitialBalance = 100_000m,
        Leverage = leverage,
        Seed = Seed,
        RiskFreeRate = 0.03,
    };

    public static SweepRequest Request(BacktestSettings settings, IReadOnlyList<Candle> bars, ParameterGrid grid) => new()
    {
        Settings = settings,
        Candles = new Dictionary<string, IReadOnlyList<Candle>> { [settings.Instruments[0].Symbol] = bars },
        Grid = grid,
    };

    public static ParameterGrid Grid(StrategyAlgorithm algorithm, double[] fast, double[] slow, double[] allowShort) =>
        new(algorithm, [ParameterRange.List("fast", fast), ParameterRange.List("slow", slow), ParameterRange.List("allowShort", allowShort)]);
}
