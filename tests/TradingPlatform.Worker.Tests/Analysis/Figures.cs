using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Analysis.Figures;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>Hand-made figures for the rules' tests: a quiet default that no rule objects to, changed per test.</summary>
internal static class Figures
{
    public static readonly Guid AccountId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid StrategyId = Guid.Parse("0193a000-0000-7000-8000-000000000002");

    public static ResultFigures Results(
        int trades = 10, decimal winRate = 60m, decimal gross = 500m, decimal fees = 50m, decimal expectancy = 45m, decimal averageWin = 120m,
        decimal averageLoss = -60m, decimal sharpe = 1.2m, decimal maxDrawdown = 5m, int maxLeverage = 1, decimal averageLeverage = 1m, decimal worstLossMove = 1.5m) =>
        new(trades, winRate, gross, fees, gross - fees, expectancy, averageWin, averageLoss, sharpe, maxDrawdown, maxLeverage, averageLeverage, worstLossMove);

    public static AccountFigures Account(ResultFigures? results = null, int maxLeverage = 10, decimal? maxDailyLoss = 500m, int liquidations = 0, int stopLossHits = 0) =>
        new(AccountId, "Main", maxLeverage, maxDailyLoss, 10_000m, 10_000m, results ?? Results(), stopLossHits, liquidations);

    public static StrategyFigures Strategy(
        ResultFigures? results = null, RiskManagement? risk = null, int liquidations = 0, int stopLossHits = 0, decimal? averageRange = 1m,
        StrategyStatus status = StrategyStatus.Active, string? algorithm = "sma_crossover", string interval = "1h") =>
        new(StrategyId, "Trend", status, algorithm, interval, ["BTC-USD"], """{"fast":5,"slow":20}""", risk ?? RiskManagement.Default, AccountId, 10_000m,
            results ?? Results(), stopLossHits, liquidations, averageRange);

    public static UserFigures User(AccountFigures? account = null, StrategyFigures? strategy = null) =>
        new(Guid.NewGuid(), [account ?? Account()], strategy is null ? [] : [strategy]);
}
