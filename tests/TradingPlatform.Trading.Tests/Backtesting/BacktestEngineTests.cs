using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Orders;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;
using static TradingPlatform.Trading.Tests.Backtesting.BacktestFixtures;

namespace TradingPlatform.Trading.Tests.Backtesting;

public sealed class BacktestEngineTests
{
    /// <summary>10 % of equity per trade, no stop-loss, no take-profit, no daily limit: sizes are equity × 10 % ÷ price.</summary>
    private static readonly RiskManagement TenPercent = new(10m, 0m, 0m, 0m);

    /// <summary>
    /// SMA(1) against SMA(2) crosses whenever the close turns: down at bar 1 (recorded, not traded: the first state),
    /// up at bar 2's close (signal: long), down at bar 4's close (signal: flat). Worked by hand:
    /// <list type="bullet">
    /// <item>bar 3 opens at 102: ask = ceil(102 × 1.001 / 0.1) × 0.1 = ceil(1021.02) × 0.1 = 102.2; quantity = floor(100,000 × 10 % ÷ 102.2)
    /// = floor(97.85) = 97; commission = round(97 × 102.2 × 0.1 %) = round(9.9134) = 9.91.</item>
    /// <item>bar 5 opens at 100: bid = floor(100 × 0.999 / 0.1) × 0.1 = 99.9; P&amp;L = (99.9 − 102.2) × 97 = −223.10;
    /// commission = round(97 × 99.9 × 0.1 %) = round(9.6903) = 9.69.</item>
    /// <item>final balance = 100,000 − 9.91 − 223.10 − 9.69 = 99,757.30.</item>
    /// </list>
    /// </summary>
    [Fact]
    public void Fills_fees_and_pnl_equal_a_hand_calculation()
    {
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (102, 103, 101.5m, 102.5m), (102.5m, 102.5m, 99.5m, 100), (100, 100.5m, 99.8m, 100.2m));

        var result = Run(Settings(Sma(1, 2), TenPercent, bars.Count), bars);

        Assert.Collection(result.Fills,
            buy =>
            {
                Assert.Equal((OrderSide.Buy, 97m, 102.2m, 9.91m, 0m), (buy.Side, buy.Quantity, buy.Price, buy.Commission, buy.RealizedPnl));
                Assert.Equal(Start.AddMinutes(3), buy.ExecutedAt);
            },
            sell =>
            {
                Assert.Equal((OrderSide.Sell, 97m, 99.9m, 9.69m, -223.10m), (sell.Side, sell.Quantity, sell.Price, sell.Commission, sell.RealizedPnl));
                Assert.Equal(Start.AddMinutes(5), sell.ExecutedAt);
            });
        var trade = Assert.Single(result.Trades);
        Assert.Equal((PositionSide.Long, 97m, 102.2m, 99.9m, -223.10m, 19.60m, -242.70m, TradeExitReason.Signal),
            (trade.Side, trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.GrossPnl, trade.Fees, trade.NetPnl, trade.ExitReason));
        Assert.Equal(99_757.30m, result.Metrics.FinalEquity);
        Assert.Equal(19.60m, result.Metrics.FeesPaid);
        Assert.Equal(0m, result.Metrics.SlippagePaid);
    }

    /// <summary>
    /// One point at the first open with the starting balance, then one per bar close: the open long is marked at the bid.
    /// Bar 3 closes at 102.5: bid = floor(102.5 × 0.999 / 0.1) × 0.1 = 102.3, equity = 99,990.09 + (102.3 − 102.2) × 97 = 99,999.79.
    /// Bar 4 closes at 100: bid 99.9, equity = 99,990.09 − 223.10 = 99,766.99.
    /// </summary>
    [Fact]
    public void Equity_is_marked_at_every_bar_close()
    {
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (102, 103, 101.5m, 102.5m), (102.5m, 102.5m, 99.5m, 100), (100, 100.5m, 99.8m, 100.2m));

        var result = Run(Settings(Sma(1, 2), TenPercent, bars.Count), bars);

        Assert.Equal(
            [100_000m, 100_000m, 100_000m, 100_000m, 99_999.79m, 99_766.99m, 99_757.30m],
            result.Equity.Select(p => p.Equity));
        Assert.Equal(Start, result.Equity[0].At);
        Assert.Equal(Start.AddMinutes(4), result.Equity[4].At);
    }

    [Fact]
    public void A_signal_on_a_close_trades_at_the_next_bars_open_never_at_that_close()
    {
        // The up-cross happens at bar 2's close of 101; bar 3 gaps up to 110. A look-ahead engine would buy near 101.
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (110, 111, 109, 110), (110, 110, 110, 110));

        var result = Run(Settings(Sma(1, 2), TenPercent, bars.Count), bars);

        var signal = Assert.Single(result.Signals);
        Assert.Equal(Start.AddMinutes(3), signal.At);
        var buy = result.Fills[0];
        Assert.Equal(Start.AddMinutes(3), buy.ExecutedAt);
        // ask of 110 = ceil(110 × 1.001 / 0.1) × 0.1 = ceil(1101.1) × 0.1 = 110.2
        Assert.Equal(110.2m, buy.Price);
    }

    /// <summary>
    /// A long with a 1 % stop-loss and a 1 % take-profit, and a bar that reaches both. The path asked for (high first)
    /// would reach the take-profit first; the stated rule resolves the stop-loss first.
    /// </summary>
    [Fact]
    public void A_bar_that_reaches_both_stop_loss_and_take_profit_resolves_the_stop_loss_first()
    {
        var risk = new RiskManagement(10m, 0m, 1m, 1m);
        // The long opens at bar 3's open, and bar 3 itself reaches both levels.
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (100, 105, 95, 100));

        var result = Run(Settings(Sma(1, 2), risk, bars.Count, path: IntrabarPath.HighFirst), bars);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(TradeExitReason.StopLoss, trade.ExitReason);
        // Entry at the ask of 100 = 100.1; stop-loss = round(100.1 × 0.99) = 99.1 (99.099 on the 0.1 tick); the low of 95
        // is reached first, so the position is closed at that quote's bid: floor(95 × 0.999 / 0.1) × 0.1 = 94.9.
        Assert.Equal(100.1m, trade.EntryPrice);
        Assert.Equal(94.9m, trade.ExitPrice);
    }

    [Fact]
    public void Without_the_conflict_the_configured_path_decides_what_is_reached_first()
    {
        // Take-profit only: the path HighFirst reaches 105 first and takes profit at the level (a limit, at its price or better).
        var risk = new RiskManagement(10m, 0m, 0m, 1m);
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (100, 105, 95, 100));

        var result = Run(Settings(Sma(1, 2), risk, bars.Count, path: IntrabarPath.HighFirst), bars);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(TradeExitReason.TakeProfit, trade.ExitReason);
        // take-profit = round(100.1 × 1.01) = 101.1; the bid at 105 is 104.8, better than the level
        Assert.Equal(104.8m, trade.ExitPrice);
    }

    [Fact]
    public void A_position_still_open_at_the_end_is_closed_at_the_last_close_with_costs()
    {
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (102, 103, 101.5m, 102.5m));

        var result = Run(Settings(Sma(1, 2), TenPercent, bars.Count), bars);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(TradeExitReason.EndOfTest, trade.ExitReason);
        // The last quote is bar 3's close, 102.5: bid 102.3. P&L = (102.3 − 102.2) × 97 = 9.70; commission round(97 × 102.3 × 0.1 %) = 9.92.
        Assert.Equal((102.3m, 9.70m, 19.83m), (trade.ExitPrice, trade.GrossPnl, trade.Fees));
        Assert.Equal(100_000m + 9.70m - 19.83m, result.Metrics.FinalEquity);
        Assert.Equal(result.Metrics.FinalEquity, result.Equity[^1].Equity);
    }

    /// <summary>
    /// 10× leverage, the whole equity as notional (risk 100 %, no stop): quantity = floor(100,000 ÷ 100.1) = 999, margin
    /// 10 % of it; liquidation price = 100.1 × (1 − (1/10 − 0.5 %)) = 90.59 → 90.6. Bar 3 falls to 85 (bid 84.9):
    /// P&amp;L = (84.9 − 100.1) × 999 = −15,184.80; commissions round(999 × 100.1 × 0.1 % = 99.9999) = 100.00 and
    /// round(999 × 84.9 × 0.1 %) = 84.82.
    /// </summary>
    [Fact]
    public void Leverage_and_liquidation_go_through_the_live_margin_rules()
    {
        var risk = new RiskManagement(100m, 0m, 0m, 0m);
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101), (100, 100, 85, 86));

        var result = Run(Settings(Sma(1, 2), risk, bars.Count, leverage: 10), bars);

        var trade = Assert.Single(result.Trades);
        Assert.Equal((TradeExitReason.Liquidation, 999m, 100.1m, 84.9m, -15_184.80m), (trade.ExitReason, trade.Quantity, trade.EntryPrice, trade.ExitPrice, trade.GrossPnl));
        Assert.Equal(100.00m + 84.82m, trade.Fees);
        Assert.Equal(100_000m - 15_184.80m - 100.00m - 84.82m, result.Metrics.FinalEquity);
    }

    [Fact]
    public void Missing_bars_are_reported_and_never_filled_in()
    {
        var bars = Bars((100, 100, 100, 100), (100, 100, 99, 99), (99, 101, 99, 101)).ToList();
        bars.Add(new Candle(Plain.Symbol, CandleInterval.OneMinute, Start.AddMinutes(7), 101, 101, 101, 101, 1m));

        var result = Run(Settings(Sma(1, 2), TenPercent, 10), bars);

        var gap = Assert.Single(result.Gaps);
        Assert.Equal((Start.AddMinutes(2), Start.AddMinutes(7), 4), (gap.After, gap.Before, gap.MissingBars));
        Assert.Equal(4, result.Bars);
        Assert.Equal(5, result.Equity.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_fills_and_another_seed_other_ids()
    {
        var bars = SyntheticBars(3_000);
        var settings = Settings(Sma(5, 20, allowShort: true), RiskManagement.Default, bars.Count);

        var first = Run(settings, bars);
        var second = Run(settings, bars);
        var other = Run(settings with { Seed = Guid.NewGuid() }, bars);

        Assert.True(first.Fills.Count > 10, $"Only {first.Fills.Count} fills.");
        Assert.Equal(first.Fills.Select(f => (f.Id, f.OrderId, f.Price, f.Quantity, f.ExecutedAt)), second.Fills.Select(f => (f.Id, f.OrderId, f.Price, f.Quantity, f.ExecutedAt)));
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Empty(first.Fills.Select(f => f.Id).Intersect(other.Fills.Select(f => f.Id)));
    }

    [Fact]
    public void The_balance_moves_by_exactly_the_trades_net_results()
    {
        var bars = SyntheticBars(5_000);

        var result = Run(Settings(Sma(3, 12, allowShort: true), RiskManagement.Default, bars.Count), bars);

        Assert.True(result.Trades.Count > 20, $"Only {result.Trades.Count} trades.");
        Assert.Equal(100_000m + result.Trades.Sum(t => t.NetPnl), result.Metrics.FinalEquity);
        Assert.Equal(result.Fills.Sum(f => f.Commission), result.Metrics.FeesPaid);
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        var bars = SyntheticBars(20_000);
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Fraction >= 0.1)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            BacktestEngine.Run(Settings(Sma(5, 20), RiskManagement.Default, bars.Count), new Dictionary<string, IReadOnlyList<Candle>> { [Plain.Symbol] = bars }, progress, cancellation.Token));
        Assert.InRange(progress.Last.Fraction, 0.1, 0.5);
    }

    /// <summary>A seeded random walk with intrabar ranges, for runs whose exact numbers are not the point.</summary>
    internal static IReadOnlyList<Candle> SyntheticBars(int count, int seed = 42)
    {
        var random = new Random(seed);
        var price = 100m;
        var bars = new List<Candle>(count);
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Max(1m, Math.Round(open * (1m + (decimal)((random.NextDouble() - 0.5) * 0.01)), 1));
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble() * 0.3m, 1);
            var low = Math.Max(0.5m, Math.Min(open, close) - Math.Round((decimal)random.NextDouble() * 0.3m, 1));
            bars.Add(new Candle(Plain.Symbol, CandleInterval.OneMinute, Start.AddMinutes(i), open, high, low, close, 10m));
            price = close;
        }

        return bars;
    }

    private sealed class SynchronousProgress(Action<BacktestProgress> report) : IProgress<BacktestProgress>
    {
        public BacktestProgress Last { get; private set; }

        public void Report(BacktestProgress value)
        {
            Last = value;
            report(value);
        }
    }
}
