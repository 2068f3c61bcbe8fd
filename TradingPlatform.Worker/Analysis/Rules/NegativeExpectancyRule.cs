using System.Globalization;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>
/// A strategy that loses on average over at least <see cref="MinTrades"/> trades and wins less than
/// <see cref="MaxWinRatePercent"/> % of them. When its take-profit is below <see cref="MinRewardToRisk"/> times its
/// stop-loss, the winners cannot pay for the losers: raise the take-profit to <see cref="ProposedRewardToRisk"/> times the
/// stop. Otherwise, an active one is paused until its settings change.
/// </summary>
public sealed class NegativeExpectancyRule : IConfigRule
{
    public const int MinTrades = 5;
    public const decimal MaxWinRatePercent = 45m;
    public const decimal MinRewardToRisk = 1.5m;
    public const decimal ProposedRewardToRisk = 2m;

    public string Name => "negative-expectancy";

    public IEnumerable<SuggestionDraft> Evaluate(UserFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var strategy in figures.Strategies)
        {
            var results = strategy.Results;
            if (results.Trades < MinTrades || results.Expectancy >= 0m || results.WinRate >= MaxWinRatePercent)
            {
                continue;
            }

            var risk = strategy.Risk;
            var reasoning = Text($"Strategy '{strategy.Name}': {results.Trades} trades with a win rate of {ConfigValues.Format(results.WinRate)}% and an expectancy of ") +
                Text($"{ConfigValues.Money(results.Expectancy)} per trade (average win {ConfigValues.Money(results.AverageWin)}, average loss {ConfigValues.Money(results.AverageLoss)}), ") +
                Text($"Sharpe {ConfigValues.Format(results.Sharpe)}, net P&L {ConfigValues.Money(results.NetPnl)}.");
            var confidence = 0.4 + Math.Min(0.3, results.Trades / 100d) + (results.Sharpe < 0m ? 0.1 : 0);
            if (risk.StopLoss > 0m && risk.TakeProfit < MinRewardToRisk * risk.StopLoss)
            {
                var proposed = ConfigValues.Percent(ProposedRewardToRisk * risk.StopLoss);
                yield return new SuggestionDraft(ConfigValues.Key(Name, strategy.StrategyId), ConfigSettings.TakeProfit, strategy.StrategyId, strategy.AccountId,
                    ConfigValues.Format(risk.TakeProfit), ConfigValues.Format(proposed),
                    reasoning + Text($" Its take-profit of {ConfigValues.Format(risk.TakeProfit)}% is only {ConfigValues.Format(Math.Round(risk.TakeProfit / risk.StopLoss, 2))} times its {ConfigValues.Format(risk.StopLoss)}% stop-loss."),
                    Text($"Take-profit {ConfigValues.Format(risk.TakeProfit)}% → {ConfigValues.Format(proposed)}%: a winner earns {ConfigValues.Format(ProposedRewardToRisk)} times what a stopped loser costs, so a win rate above about {ConfigValues.Format(Math.Round(100m / (1m + ProposedRewardToRisk), 1))}% breaks even before fees."),
                    ConfigValues.Confidence(confidence), new BacktestChange(strategy.StrategyId, Risk: risk with { TakeProfit = proposed }));
            }
            else if (strategy.Status == StrategyStatus.Active)
            {
                yield return new SuggestionDraft(ConfigValues.Key(Name, strategy.StrategyId), ConfigSettings.Status, strategy.StrategyId, strategy.AccountId,
                    "active", "paused", reasoning + " Its reward-to-risk is already adequate, so the signal itself is not working.",
                    Text($"Pausing stops the loss of about {ConfigValues.Money(-results.Expectancy)} per trade until its parameters are changed and backtested."),
                    ConfigValues.Confidence(confidence - 0.1));
            }
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
