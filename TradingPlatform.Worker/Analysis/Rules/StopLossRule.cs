using System.Globalization;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>
/// A strategy with losing trades whose stop-loss did not limit them: no stop at all, positions liquidated before the
/// stop could act, a stop at or beyond <see cref="LiquidationShare"/> of the distance at which the leverage used
/// liquidates, a losing trade that ran past the stop by <see cref="OvershootFactor"/>, or a stop wider than
/// <see cref="MaxRangeMultiple"/> average bars. Proposed: the tighter of half the liquidation distance and
/// <see cref="ProposedRangeMultiple"/> average bar ranges (2 % when neither is known), rounded to 0.1 %.
/// </summary>
public sealed class StopLossRule : IConfigRule
{
    public const decimal LiquidationShare = 0.8m;
    public const decimal OvershootFactor = 1.25m;
    public const decimal MaxRangeMultiple = 6m;
    public const decimal ProposedRangeMultiple = 3m;
    public const decimal FallbackStopPercent = 2m;

    public string Name => "stop-loss";

    public IEnumerable<SuggestionDraft> Evaluate(UserFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var strategy in figures.Strategies)
        {
            var results = strategy.Results;
            if (results.Trades == 0 || (results.AverageLoss >= 0m && strategy.Liquidations == 0))
            {
                continue;
            }

            var stop = strategy.Risk.StopLoss;
            var leverage = Math.Max(1, results.MaxLeverageUsed);
            var liquidationDistance = 100m / leverage;
            var reasons = new List<string>();
            var candidates = new List<decimal>();
            if (stop == 0m)
            {
                reasons.Add("no stop-loss is set");
            }

            if (strategy.Liquidations > 0)
            {
                reasons.Add(Text($"{strategy.Liquidations} position(s) were liquidated before the {ConfigValues.Format(stop)}% stop could close them"));
            }

            if (leverage > 1)
            {
                candidates.Add(liquidationDistance / 2m);
                if (stop >= LiquidationShare * liquidationDistance)
                {
                    reasons.Add(Text($"at the {leverage}x leverage used a position is liquidated after an adverse move of about {ConfigValues.Format(Math.Round(liquidationDistance, 1))}%, inside the {ConfigValues.Format(stop)}% stop"));
                }
            }

            if (stop > 0m && results.WorstLossMove > OvershootFactor * stop)
            {
                reasons.Add(Text($"the worst losing trade lost {ConfigValues.Format(results.WorstLossMove)}% of its entry price, past the {ConfigValues.Format(stop)}% stop"));
            }

            if (strategy.AverageRange is { } range and > 0m)
            {
                candidates.Add(ProposedRangeMultiple * range);
                if (stop > MaxRangeMultiple * range)
                {
                    reasons.Add(Text($"the stop is {ConfigValues.Format(Math.Round(stop / range, 1))} times the average {strategy.Interval} bar range of {ConfigValues.Format(range)}%"));
                }
            }

            if (reasons.Count == 0)
            {
                continue;
            }

            var proposed = ConfigValues.Percent(candidates.Count == 0 ? FallbackStopPercent : candidates.Min());
            if (stop > 0m && proposed >= stop)
            {
                continue;
            }

            var reasoning = Text($"Strategy '{strategy.Name}': {string.Join("; ", reasons)}. Over {results.Trades} trades it had {strategy.StopLossHits} stop-loss hit(s), ") +
                Text($"an average loss of {ConfigValues.Money(results.AverageLoss)} per losing trade, a win rate of {ConfigValues.Format(results.WinRate)}%, ") +
                Text($"a net P&L of {ConfigValues.Money(results.NetPnl)} and a drawdown of {ConfigValues.Format(results.MaxDrawdown)}%.");
            var effect = Text($"Stop-loss {ConfigValues.Format(stop)}% → {ConfigValues.Format(proposed)}%: each losing trade is closed after at most about a {ConfigValues.Format(proposed)}% adverse move ") +
                Text($"(plus slippage), before the {ConfigValues.Format(Math.Round(liquidationDistance, 1))}% that liquidates at {leverage}x; with the same risk per trade, positions are sized to the tighter stop.");
            var confidence = 0.45 + 0.12 * reasons.Count + (strategy.Liquidations > 0 ? 0.1 : 0);
            yield return new SuggestionDraft(ConfigValues.Key(Name, strategy.StrategyId), ConfigSettings.StopLoss, strategy.StrategyId, strategy.AccountId,
                ConfigValues.Format(stop), ConfigValues.Format(proposed), reasoning, effect, ConfigValues.Confidence(confidence),
                new BacktestChange(strategy.StrategyId, Risk: strategy.Risk with { StopLoss = proposed }));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
