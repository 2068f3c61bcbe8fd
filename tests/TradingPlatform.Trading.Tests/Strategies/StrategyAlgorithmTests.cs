using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Tests.Strategies;

public sealed class StrategyAlgorithmTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Six_algorithms_are_offered_by_code()
    {
        Assert.Equal(["sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_breakout", "macd", "donchian_breakout"],
            StrategyAlgorithms.All.Select(a => a.Code));
        Assert.Same(StrategyAlgorithms.All[0], StrategyAlgorithms.Find("SMA_CROSSOVER"));
        Assert.Null(StrategyAlgorithms.Find("martingale"));
    }

    [Fact]
    public void Binding_fills_defaults_and_refuses_bad_values_precisely()
    {
        var sma = StrategyAlgorithms.Find("sma_crossover")!;

        var defaults = sma.Bind(new Dictionary<string, double>(), out var none);
        Assert.Empty(none);
        Assert.Equal((10, 30, false), (defaults!.Int("fast"), defaults.Int("slow"), defaults.Flag("allowShort")));

        Assert.Null(sma.Bind(new Dictionary<string, double> { ["fast"] = 30, ["slow"] = 10 }, out var crossed));
        Assert.Equal("slow", Assert.Single(crossed).Parameter);
        Assert.Contains("must be longer than the fast one", crossed[0].Message, StringComparison.Ordinal);

        Assert.Null(sma.Bind(new Dictionary<string, double> { ["fast"] = 2.5, ["slow"] = 0, ["speed"] = 1, ["allowShort"] = 2 }, out var bad));
        Assert.Equal(["speed", "fast", "slow", "allowShort"], bad.Select(e => e.Parameter));
        Assert.Contains("whole number", bad[1].Message, StringComparison.Ordinal);
        Assert.Contains("between 2 and 5000", bad[2].Message, StringComparison.Ordinal);
        Assert.Contains("true or false", bad[3].Message, StringComparison.Ordinal);

        Assert.Null(sma.Bind(new Dictionary<string, double> { ["fast"] = double.NaN }, out var nan));
        Assert.Contains("finite", Assert.Single(nan).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_parameter_rules_of_each_algorithm_are_checked()
    {
        Assert.Null(StrategyAlgorithms.Find("rsi_mean_reversion")!.Bind(new Dictionary<string, double> { ["oversold"] = 60, ["exitLevel"] = 50 }, out var rsi));
        Assert.Equal("exitLevel", Assert.Single(rsi).Parameter);
        Assert.Null(StrategyAlgorithms.Find("macd")!.Bind(new Dictionary<string, double> { ["fast"] = 26, ["slow"] = 12 }, out var macd));
        Assert.Equal("slow", Assert.Single(macd).Parameter);
        Assert.Null(StrategyAlgorithms.Find("donchian_breakout")!.Bind(new Dictionary<string, double> { ["entryPeriod"] = 10, ["exitPeriod"] = 20 }, out var donchian));
        Assert.Equal("exitPeriod", Assert.Single(donchian).Parameter);
    }

    [Fact]
    public void Sma_crossover_signals_on_crosses_only_and_shorts_when_allowed()
    {
        // SMA(2) vs SMA(3). Closes 10, 10, 10, 9 (fast 9.5 < slow 9.67: first state, recorded), 12 (fast 10.5 > slow 10.33: up),
        // 13 (still up), 8 (fast 10.5 < slow 11: down).
        decimal[] closes = [10, 10, 10, 9, 12, 13, 8];
        Assert.Equal([null, null, null, null, TargetExposure.Long, null, TargetExposure.Flat], Signals("sma_crossover", closes, ("fast", 2), ("slow", 3)));
        Assert.Equal([null, null, null, null, TargetExposure.Long, null, TargetExposure.Short],
            Signals("sma_crossover", closes, ("fast", 2), ("slow", 3), ("allowShort", 1)));
    }

    [Fact]
    public void Rsi_mean_reversion_buys_oversold_and_exits_at_the_exit_level()
    {
        // RSI(2): after 10, 9, 8 both changes are losses → RSI 0 ≤ 30: long. Then 9: avg gain (0·1 + 1)/2 = 0.5, avg loss
        // (1·1 + 0)/2 = 0.5 → RSI 50 ≥ exit 50: flat. Then 10: gain 0.75, loss 0.25 → 75 ≥ overbought 70: stays flat (no shorts).
        decimal[] closes = [10, 9, 8, 9, 10];
        Assert.Equal([null, null, TargetExposure.Long, TargetExposure.Flat, null], Signals("rsi_mean_reversion", closes, ("period", 2)));
        Assert.Equal([null, null, TargetExposure.Long, TargetExposure.Flat, TargetExposure.Short],
            Signals("rsi_mean_reversion", closes, ("period", 2), ("allowShort", 1)));
    }

    [Fact]
    public void Bollinger_breakout_enters_above_the_upper_band_and_exits_below_the_middle()
    {
        // Period 3, width 1: after 10, 10, 10 the bands are flat at 10. 13: mean 11, σ = √2 ≈ 1.414, upper 12.41 < 13: long.
        // 12: mean 11.67, stays long (above the middle). 10: window 13, 12, 10, mean 11.67 > 10: flat.
        decimal[] closes = [10, 10, 10, 13, 12, 10];
        Assert.Equal([null, null, null, TargetExposure.Long, null, TargetExposure.Flat], Signals("bollinger_breakout", closes, ("period", 3), ("width", 1)));
    }

    [Fact]
    public void Donchian_breakout_compares_with_the_previous_bars_channel()
    {
        // Entry 3, exit 2, bars with high = low = close. After 10, 11, 10 the entry channel's high is 11: a close of 12 breaks it
        // (long); 11 stays above the exit channel's low (min of 10, 12 = 10); 9 is below the previous two bars' low 11: flat.
        decimal[] closes = [10, 11, 10, 12, 11, 9];
        Assert.Equal([null, null, null, TargetExposure.Long, null, TargetExposure.Flat],
            Signals("donchian_breakout", closes, ("entryPeriod", 3), ("exitPeriod", 2)));
    }

    [Fact]
    public void Macd_signals_when_macd_crosses_its_signal_line()
    {
        // EMA(1) − EMA(2) with a signal EMA(1): the signal line equals MACD itself, so they never cross: no signal at all.
        decimal[] closes = [10, 11, 12, 11, 10, 11, 12];
        Assert.All(Signals("macd", closes, ("fast", 1), ("slow", 2), ("signal", 1)), Assert.Null);
        // With signal EMA(2), a turn of the trend crosses MACD through its signal line: up after the fall, down after the rise.
        var signals = Signals("macd", [10, 10, 10, 9, 8, 7, 8, 10, 12, 11, 9, 7], ("fast", 2), ("slow", 3), ("signal", 2));
        Assert.Equal([TargetExposure.Long, TargetExposure.Flat], signals.Where(s => s is not null).Select(s => s!.Value));
    }

    private static List<TargetExposure?> Signals(string algorithm, decimal[] closes, params (string Name, double Value)[] parameters)
    {
        var bound = StrategyAlgorithms.Find(algorithm)!.Bind(parameters.ToDictionary(p => p.Name, p => p.Value), out var errors);
        Assert.Empty(errors);
        var rule = bound!.CreateRule();
        return [.. closes.Select((close, i) => rule.OnBar(new Candle("TEST", CandleInterval.OneMinute, Start.AddMinutes(i), close, close, close, close, 1m)))];
    }
}
