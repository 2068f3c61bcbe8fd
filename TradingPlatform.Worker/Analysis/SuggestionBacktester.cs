using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Worker.Analysis.Rules;
using TradingPlatform.Worker.Backtests;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// Backs a strategy suggestion with two backtests through the platform's engine, loaded as the backtest job loads its
/// inputs: the strategy as it is and with the proposed change, over the last <see cref="ConfigAnalysisOptions.BacktestDays"/>
/// days of <see cref="ConfigAnalysisOptions.BacktestInterval"/> bars (or the intervals compared), from the strategy's
/// account's initial balance, seeded by the strategy's id so that a rerun computes the very same figures.
/// </summary>
internal sealed class SuggestionBacktester(BacktestInputLoader inputs, IOptions<ConfigAnalysisOptions> options, TimeProvider time, ILogger<SuggestionBacktester> logger)
{
    /// <summary>A JSON object: period, bars, and both runs' key metrics; or <c>skipped</c> with the reason.</summary>
    public async Task<JsonObject> RunAsync(StrategyFigures strategy, BacktestChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(change);
        if (strategy.Algorithm is null)
        {
            return Skipped("The strategy has no algorithm to backtest.");
        }

        var settings = options.Value;
        var baseInterval = change.Interval is null ? settings.BacktestCandleInterval : CandleInterval.Parse(strategy.Interval);
        var proposedInterval = change.Interval ?? baseInterval;
        var end = proposedInterval.Floor(time.GetUtcNow());
        var start = end.AddDays(-settings.BacktestDays);
        try
        {
            var current = await RunOneAsync(strategy, strategy.Risk, baseInterval, start, end, cancellationToken);
            var proposed = await RunOneAsync(strategy, change.Risk ?? strategy.Risk, proposedInterval, start, end, cancellationToken);
            if (current.Bars == 0 || proposed.Bars == 0)
            {
                return Skipped($"No {baseInterval.Code} bars of {string.Join(", ", strategy.Symbols)} in the last {settings.BacktestDays} days.");
            }

            return new JsonObject
            {
                ["start"] = start,
                ["end"] = end,
                ["current"] = Metrics(current, baseInterval),
                ["proposed"] = Metrics(proposed, proposedInterval),
            };
        }
        catch (ArgumentException invalid)
        {
            // The strategy's instruments or parameters no longer fit; the suggestion stands without a backtest.
            logger.LogInformation("No backtest for a suggestion on strategy {StrategyId}: {Reason}", strategy.StrategyId, invalid.Message);
            return Skipped(invalid.Message);
        }
    }

    private async Task<BacktestResult> RunOneAsync(StrategyFigures strategy, RiskManagement risk, CandleInterval interval, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var spec = new SimulationSpec(strategy.Symbols, interval, start, end, strategy.Algorithm!, strategy.Parameters, risk, strategy.CapitalBase,
            Leverage: 1, CommissionRate: null, SlippageFactor: null, IntrabarPath.NearerExtremeFirst, strategy.StrategyId, RiskFreeRate: 0);
        var (backtest, candles) = await inputs.LoadAsync(spec, cancellationToken);
        return await Task.Run(() => BacktestEngine.Run(backtest, candles, null, cancellationToken), cancellationToken);
    }

    private static JsonObject Metrics(BacktestResult result, CandleInterval interval) => new()
    {
        ["interval"] = interval.Code,
        ["bars"] = result.Bars,
        ["trades"] = result.Metrics.TotalTrades,
        ["totalReturn"] = Math.Round(result.Metrics.TotalReturn, 6),
        ["maxDrawdown"] = Math.Round(result.Metrics.MaxDrawdown, 6),
        ["sharpe"] = Math.Round(result.Metrics.Sharpe, 4),
        ["winRate"] = Math.Round(result.Metrics.WinRate, 4),
        ["feesPaid"] = result.Metrics.FeesPaid,
        ["netProfit"] = result.Metrics.NetProfit,
    };

    private static JsonObject Skipped(string reason) => new() { ["skipped"] = reason };
}
