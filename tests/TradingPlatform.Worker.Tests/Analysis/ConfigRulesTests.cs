using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Worker.Analysis.Rules;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>Each rule of the engine on hand-computed figures: when it fires, what it proposes, and that its reasoning quotes the figures.</summary>
public sealed class ConfigRulesTests
{
    [Fact]
    public void Result_figures_are_computed_from_the_fills_as_worked_out_by_hand()
    {
        var t0 = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        FillRecord[] fills =
        [
            new(t0, 0m, 5m, 1m, 100m, 10),                     // opening, fee 5
            new(t0.AddHours(1), -300m, 5m, 1m, 100m, 10),      // loss of 300 on a 100 notional... a 300 % move: net -305
            new(t0.AddDays(1), 0m, 5m, 2m, 200m, 5),           // opening
            new(t0.AddDays(1).AddHours(2), 200m, 5m, 2m, 200m, 5), // win: net +195
        ];

        var results = ResultFigures.Calculate(fills, 1_000m);

        Assert.Equal(2, results.Trades);
        Assert.Equal(50m, results.WinRate);
        Assert.Equal(-100m, results.GrossPnl);
        Assert.Equal(20m, results.Fees);
        Assert.Equal(-120m, results.NetPnl);
        Assert.Equal(-60m, results.Expectancy);
        Assert.Equal(195m, results.AverageWin);
        Assert.Equal(-305m, results.AverageLoss);
        // Equity 1000 → 995 → 690 → 685 → 880: the deepest fall is (1000 − 685) / 1000.
        Assert.Equal(31.5m, results.MaxDrawdown);
        Assert.Equal(10, results.MaxLeverageUsed);
        Assert.Equal(7.5m, results.AverageLeverageUsed);
        Assert.Equal(300m, results.WorstLossMove);
        Assert.Equal(20m, results.FeeShareOfGross);
        // Two days, daily P&L −305 and +195: mean −55, sample sd 353.55…, × √252.
        Assert.Equal(Math.Round((decimal)(-55 / Math.Sqrt(125000) * Math.Sqrt(252)), 4), results.Sharpe);
    }

    [Fact]
    public void No_fills_give_empty_figures()
    {
        Assert.Equal(ResultFigures.Empty, ResultFigures.Calculate([], 1_000m));
    }

    [Fact]
    public void Over_leverage_with_a_liquidation_proposes_a_third_of_the_leverage_used_and_quotes_the_figures()
    {
        var figures = Figures.User(Figures.Account(Figures.Results(maxLeverage: 10, averageLeverage: 8.5m, maxDrawdown: 35m, gross: -2000m, fees: 120m, winRate: 20m), liquidations: 1));

        var draft = Assert.Single(new OverLeverageRule().Evaluate(figures));

        Assert.Equal(ConfigSettings.Leverage, draft.Setting);
        Assert.Equal(Figures.AccountId, draft.AccountId);
        Assert.Null(draft.StrategyId);
        Assert.Equal("10", draft.CurrentValue);
        Assert.Equal("3", draft.ProposedValue);
        Assert.Contains("10x", draft.Reasoning, StringComparison.Ordinal);
        Assert.Contains("8.5x", draft.Reasoning, StringComparison.Ordinal);
        Assert.Contains("35%", draft.Reasoning, StringComparison.Ordinal);
        Assert.Contains("1 liquidation", draft.Reasoning, StringComparison.Ordinal);
        Assert.Contains("-2120.00", draft.Reasoning, StringComparison.Ordinal);
        Assert.Contains("33.3%", draft.Effect, StringComparison.Ordinal);
        Assert.Equal(0.8, draft.Confidence);
        Assert.Equal("over-leverage:" + Figures.AccountId, draft.Key);
    }

    [Fact]
    public void High_leverage_without_a_deep_drawdown_or_liquidation_and_low_leverage_with_one_propose_nothing()
    {
        var rule = new OverLeverageRule();

        Assert.Empty(rule.Evaluate(Figures.User(Figures.Account(Figures.Results(maxLeverage: 10, maxDrawdown: 12m)))));
        Assert.Empty(rule.Evaluate(Figures.User(Figures.Account(Figures.Results(maxLeverage: 2, maxDrawdown: 50m), liquidations: 2))));
        // Already at or below the proposal.
        Assert.Empty(rule.Evaluate(Figures.User(Figures.Account(Figures.Results(maxLeverage: 6, maxDrawdown: 40m), maxLeverage: 2))));
    }

    [Fact]
    public void A_stop_beyond_the_liquidation_distance_is_tightened_to_the_tighter_of_half_of_it_and_three_bar_ranges()
    {
        var losing = Figures.Results(maxLeverage: 10, worstLossMove: 9.6m, averageLoss: -950m, winRate: 25m);
        var wideRange = Figures.Strategy(losing, RiskManagement.Default with { StopLoss = 15m }, liquidations: 1, stopLossHits: 2, averageRange: 4m);
        var narrowRange = wideRange with { AverageRange = 0.5m };

        var byLiquidation = Assert.Single(new StopLossRule().Evaluate(Figures.User(strategy: wideRange)));
        var byRange = Assert.Single(new StopLossRule().Evaluate(Figures.User(strategy: narrowRange)));

        Assert.Equal(ConfigSettings.StopLoss, byLiquidation.Setting);
        Assert.Equal(Figures.StrategyId, byLiquidation.StrategyId);
        Assert.Equal("15", byLiquidation.CurrentValue);
        Assert.Equal("5", byLiquidation.ProposedValue);
        Assert.Equal("1.5", byRange.ProposedValue);
        Assert.Contains("1 position(s) were liquidated before the 15% stop", byLiquidation.Reasoning, StringComparison.Ordinal);
        Assert.Contains("10x leverage", byLiquidation.Reasoning, StringComparison.Ordinal);
        Assert.Contains("about 10%", byLiquidation.Reasoning, StringComparison.Ordinal);
        Assert.Contains("2 stop-loss hit(s)", byLiquidation.Reasoning, StringComparison.Ordinal);
        Assert.Contains("30 times the average 1h bar range of 0.5%", byRange.Reasoning, StringComparison.Ordinal);
        Assert.Equal(5m, byLiquidation.Backtest!.Risk!.StopLoss);
        Assert.Equal(RiskManagement.Default.TakeProfit, byLiquidation.Backtest.Risk.TakeProfit);
    }

    [Fact]
    public void A_loss_that_ran_past_the_stop_or_no_stop_at_all_is_tightened_and_a_working_stop_is_left_alone()
    {
        var rule = new StopLossRule();
        var overshoot = Figures.Strategy(Figures.Results(worstLossMove: 3m), RiskManagement.Default with { StopLoss = 2m }, averageRange: 0.5m);
        var none = Figures.Strategy(Figures.Results(), RiskManagement.Default with { StopLoss = 0m }, averageRange: null);
        var fine = Figures.Strategy(Figures.Results(worstLossMove: 2.1m), RiskManagement.Default with { StopLoss = 2m }, averageRange: 1m);

        var tightened = Assert.Single(rule.Evaluate(Figures.User(strategy: overshoot)));
        var added = Assert.Single(rule.Evaluate(Figures.User(strategy: none)));

        Assert.Equal("1.5", tightened.ProposedValue);
        Assert.Contains("lost 3% of its entry price, past the 2% stop", tightened.Reasoning, StringComparison.Ordinal);
        Assert.Equal("0", added.CurrentValue);
        Assert.Equal("2", added.ProposedValue);
        Assert.Contains("no stop-loss is set", added.Reasoning, StringComparison.Ordinal);
        Assert.Empty(rule.Evaluate(Figures.User(strategy: fine)));
    }

    [Fact]
    public void Negative_expectancy_raises_a_short_take_profit_or_pauses_an_active_strategy()
    {
        var losing = Figures.Results(trades: 20, winRate: 30m, expectancy: -12.5m, averageWin: 40m, averageLoss: -35m, sharpe: -0.8m);
        var shortTarget = Figures.Strategy(losing, new RiskManagement(1m, 5m, 2m, 2.5m));
        var goodTarget = Figures.Strategy(losing, new RiskManagement(1m, 5m, 2m, 6m));

        var takeProfit = Assert.Single(new NegativeExpectancyRule().Evaluate(Figures.User(strategy: shortTarget)));
        var pause = Assert.Single(new NegativeExpectancyRule().Evaluate(Figures.User(strategy: goodTarget)));

        Assert.Equal(ConfigSettings.TakeProfit, takeProfit.Setting);
        Assert.Equal("2.5", takeProfit.CurrentValue);
        Assert.Equal("4", takeProfit.ProposedValue);
        Assert.Contains("win rate of 30%", takeProfit.Reasoning, StringComparison.Ordinal);
        Assert.Contains("-12.50 per trade", takeProfit.Reasoning, StringComparison.Ordinal);
        Assert.Contains("1.25 times", takeProfit.Reasoning, StringComparison.Ordinal);
        Assert.Equal(4m, takeProfit.Backtest!.Risk!.TakeProfit);
        Assert.Equal(ConfigSettings.Status, pause.Setting);
        Assert.Equal(("active", "paused"), (pause.CurrentValue, pause.ProposedValue));
        Assert.Null(pause.Backtest);
        Assert.Empty(new NegativeExpectancyRule().Evaluate(Figures.User(strategy: goodTarget with { Status = StrategyStatus.Inactive })));
        Assert.Empty(new NegativeExpectancyRule().Evaluate(Figures.User(strategy: Figures.Strategy(losing with { Trades = 4 }, new RiskManagement(1m, 5m, 2m, 2.5m)))));
    }

    [Fact]
    public void Fees_that_eat_half_the_gross_edge_move_the_strategy_to_the_next_longer_interval()
    {
        var costly = Figures.Strategy(Figures.Results(trades: 40, gross: 400m, fees: 320m, expectancy: 2m));

        var draft = Assert.Single(new FeesRule().Evaluate(Figures.User(strategy: costly)));

        Assert.Equal(ConfigSettings.Interval, draft.Setting);
        Assert.Equal(("1h", "4h"), (draft.CurrentValue, draft.ProposedValue));
        Assert.Contains("took 80% of its gross P&L of 400.00", draft.Reasoning, StringComparison.Ordinal);
        Assert.Equal("4h", draft.Backtest!.Interval!.Value.Code);
        Assert.Empty(new FeesRule().Evaluate(Figures.User(strategy: Figures.Strategy(Figures.Results(trades: 40, gross: 400m, fees: 100m)))));
        Assert.Empty(new FeesRule().Evaluate(Figures.User(strategy: costly with { Algorithm = null })));
        Assert.Empty(new FeesRule().Evaluate(Figures.User(strategy: costly with { Interval = "1d" })));
    }

    [Fact]
    public void Loose_or_unset_risk_limits_are_brought_to_one_percent_per_trade_and_five_percent_a_day()
    {
        var loose = Figures.Strategy(risk: new RiskManagement(5m, 0m, 2m, 4m));
        var account = Figures.Account(maxDailyLoss: null);

        var drafts = new RiskLimitsRule().Evaluate(Figures.User(account, loose)).ToList();

        Assert.Equal([ConfigSettings.MaxRiskPerTrade, ConfigSettings.MaxDailyLoss, ConfigSettings.AccountMaxDailyLoss], drafts.Select(d => d.Setting));
        Assert.Equal(("5", "1"), (drafts[0].CurrentValue, drafts[0].ProposedValue));
        Assert.Contains("8 losing trades in a row", drafts[0].Reasoning, StringComparison.Ordinal);
        Assert.Equal(1m, drafts[0].Backtest!.Risk!.MaxRiskPerTrade);
        Assert.Equal(("0", "5"), (drafts[1].CurrentValue, drafts[1].ProposedValue));
        Assert.Contains("has no daily loss limit", drafts[1].Reasoning, StringComparison.Ordinal);
        Assert.Equal(("none", "500"), (drafts[2].CurrentValue, drafts[2].ProposedValue));
        Assert.Equal(Figures.AccountId, drafts[2].AccountId);
        // The defaults (1 % per trade, 5 % a day) and an account limit of 5 % propose nothing.
        Assert.Empty(new RiskLimitsRule().Evaluate(Figures.User(Figures.Account(maxDailyLoss: 500m), Figures.Strategy())));
    }

    [Fact]
    public void The_engine_runs_every_rule_in_order_and_a_user_without_data_gets_nothing()
    {
        var engine = new ConfigRuleEngine(ConfigRuleEngine.Default);
        var overLeveraged = Figures.Results(maxLeverage: 10, maxDrawdown: 40m, winRate: 20m, expectancy: -200m, worstLossMove: 9m, averageLoss: -500m, gross: -3000m);
        var figures = Figures.User(Figures.Account(overLeveraged, liquidations: 1), Figures.Strategy(overLeveraged, RiskManagement.Default with { StopLoss = 15m, TakeProfit = 30m }, liquidations: 1));

        var drafts = engine.Evaluate(figures);

        Assert.Equal([ConfigSettings.Leverage, ConfigSettings.StopLoss, ConfigSettings.Status], drafts.Select(d => d.Setting));
        Assert.Equal(drafts.Count, drafts.Select(d => d.Key).Distinct().Count());
        Assert.Empty(engine.Evaluate(new UserFigures(Guid.NewGuid(), [], [])));
    }
}
