using System.Globalization;
using TradingPlatform.Trading.Market;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>
/// A strategy with an edge before costs (gross P&amp;L above zero over at least <see cref="MinTrades"/> trades) whose fees
/// take <see cref="MaxFeeSharePercent"/> % of it or more: trade less often, on the next longer bar interval, where each
/// trade's move is larger against the same commission. Only for a strategy with an algorithm (whose interval decides its
/// trading frequency).
/// </summary>
public sealed class FeesRule : IConfigRule
{
    public const int MinTrades = 5;
    public const decimal MaxFeeSharePercent = 50m;

    public string Name => "fees";

    public IEnumerable<SuggestionDraft> Evaluate(UserFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var strategy in figures.Strategies)
        {
            var results = strategy.Results;
            if (strategy.Algorithm is null || results.Trades < MinTrades || results.GrossPnl <= 0m || results.FeeShareOfGross < MaxFeeSharePercent
                || Longer(strategy.Interval) is not { } longer)
            {
                continue;
            }

            var reasoning = Text($"Strategy '{strategy.Name}': fees of {ConfigValues.Money(results.Fees)} took {ConfigValues.Format(results.FeeShareOfGross)}% of its gross P&L of ") +
                Text($"{ConfigValues.Money(results.GrossPnl)} over {results.Trades} trades, leaving {ConfigValues.Money(results.NetPnl)} net (expectancy {ConfigValues.Money(results.Expectancy)} per trade).");
            var effect = Text($"Interval {strategy.Interval} → {longer.Code}: fewer trades, each over a larger move, so the commission per trade is a smaller share of what it earns.");
            yield return new SuggestionDraft(ConfigValues.Key(Name, strategy.StrategyId), ConfigSettings.Interval, strategy.StrategyId, strategy.AccountId,
                strategy.Interval, longer.Code, reasoning, effect, ConfigValues.Confidence(0.4 + (double)Math.Min(results.FeeShareOfGross, 200m) / 500),
                new BacktestChange(strategy.StrategyId, Interval: longer));
        }
    }

    private static CandleInterval? Longer(string code)
    {
        var all = CandleInterval.All;
        for (var i = 0; i < all.Count - 1; i++)
        {
            if (all[i].Code == code)
            {
                return all[i + 1];
            }
        }

        return null;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
