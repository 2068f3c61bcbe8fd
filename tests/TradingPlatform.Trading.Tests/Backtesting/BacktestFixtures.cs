using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>Instruments and bars simple enough to check a backtest by hand.</summary>
internal static class BacktestFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Tick 0.1, a 0.2 % spread and no deterministic slippage: the seeded ±0.02 % random slippage is smaller than half a
    /// tick at these prices and rounds away, so every market order fills exactly at the touch. Commission 0.1 %.
    /// </summary>
    public static Instrument Plain { get; } = new()
    {
        Symbol = "TEST", Name = "Test", Type = InstrumentType.Crypto, BaseAsset = "TEST", QuoteAsset = "USD",
        TickSize = 0.1m, LotSize = 1m, MinQuantity = 1m, MaxQuantity = 1_000_000m, Spread = 0.002m,
        SlippageFactor = 0m, SizeImpact = 0m, CommissionRate = 0.001m, MinCommission = 0.01m, MaxLeverage = 20,
        TopOfBookSize = 1_000_000m, AnnualVolatility = 0.5m, InitialPrice = 100m, Hours = TradingHours.AlwaysOpen,
    };

    /// <summary>Minute bars from (open, high, low, close) tuples, one minute apart from <see cref="Start"/>.</summary>
    public static IReadOnlyList<Candle> Bars(params (decimal O, decimal H, decimal L, decimal C)[] bars) =>
        [.. bars.Select((b, i) => new Candle(Plain.Symbol, CandleInterval.OneMinute, Start.AddMinutes(i), b.O, b.H, b.L, b.C, 10m))];

    public static StrategyParameters Sma(int fast, int slow, bool allowShort = false) =>
        Bind("sma_crossover", new() { ["fast"] = fast, ["slow"] = slow, ["allowShort"] = allowShort ? 1 : 0 });

    public static StrategyParameters Bind(string algorithm, Dictionary<string, double> values)
    {
        var bound = StrategyAlgorithms.Find(algorithm)!.Bind(values, out var errors);
        Assert.Empty(errors);
        return bound!;
    }

    public static BacktestSettings Settings(StrategyParameters parameters, RiskManagement risk, int bars, int leverage = 1, IntrabarPath path = IntrabarPath.NearerExtremeFirst) => new()
    {
        Parameters = parameters, Risk = risk, Instruments = [Plain], Interval = CandleInterval.OneMinute,
        Start = Start, End = Start.AddMinutes(bars), InitialBalance = 100_000m, Leverage = leverage, Path = path,
        Seed = new Guid("7d1b3c1e-5a2f-4c8e-9a61-0c2f1e4b5d6a"),
    };

    public static BacktestResult Run(BacktestSettings settings, IReadOnlyList<Candle> bars) =>
        BacktestEngine.Run(settings, new Dictionary<string, IReadOnlyList<Candle>> { [Plain.Symbol] = bars });
}
