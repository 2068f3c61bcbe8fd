using System.Globalization;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>
/// Risk limits unset or too loose: a strategy risking more than <see cref="MaxRiskPerTradePercent"/> % of equity per
/// trade (proposed <see cref="ProposedRiskPerTradePercent"/> %), a strategy daily loss limit of 0 (unset) or above
/// <see cref="MaxDailyLossPercent"/> % (proposed <see cref="ProposedDailyLossPercent"/> %), and a traded account without a
/// daily loss limit or with one above <see cref="MaxAccountDailyLossPercent"/> % of its initial balance (proposed
/// <see cref="ProposedDailyLossPercent"/> % of it).
/// </summary>
public sealed class RiskLimitsRule : IConfigRule
{
    public const decimal MaxRiskPerTradePercent = 2m;
    public const decimal ProposedRiskPerTradePercent = 1m;
    public const decimal MaxDailyLossPercent = 10m;
    public const decimal ProposedDailyLossPercent = 5m;
    public const decimal MaxAccountDailyLossPercent = 20m;

    public string Name => "risk-limits";

    public IEnumerable<SuggestionDraft> Evaluate(UserFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var strategy in figures.Strategies)
        {
            var risk = strategy.Risk;
            var results = strategy.Results;
            var record = Text($"Over {results.Trades} trades it drew down {ConfigValues.Format(results.MaxDrawdown)}% with a net P&L of {ConfigValues.Money(results.NetPnl)}.");
            if (risk.MaxRiskPerTrade > MaxRiskPerTradePercent)
            {
                yield return new SuggestionDraft($"{Name}:risk-per-trade:{strategy.StrategyId}", ConfigSettings.MaxRiskPerTrade, strategy.StrategyId, strategy.AccountId,
                    ConfigValues.Format(risk.MaxRiskPerTrade), ConfigValues.Format(ProposedRiskPerTradePercent),
                    Text($"Strategy '{strategy.Name}' risks {ConfigValues.Format(risk.MaxRiskPerTrade)}% of equity per trade, above the {ConfigValues.Format(MaxRiskPerTradePercent)}% ceiling: ") +
                    Text($"{Streak(risk.MaxRiskPerTrade)} losing trades in a row would cost a third of the account. ") + record,
                    Text($"Risk per trade {ConfigValues.Format(risk.MaxRiskPerTrade)}% → {ConfigValues.Format(ProposedRiskPerTradePercent)}%: positions are {ConfigValues.Format(Math.Round(risk.MaxRiskPerTrade / ProposedRiskPerTradePercent, 1))} times smaller, and so are their losses."),
                    ConfigValues.Confidence(0.6 + (results.MaxDrawdown > 20m ? 0.15 : 0)),
                    new BacktestChange(strategy.StrategyId, Risk: risk with { MaxRiskPerTrade = ProposedRiskPerTradePercent }));
            }

            if (risk.MaxDailyLoss == 0m || risk.MaxDailyLoss > MaxDailyLossPercent)
            {
                var what = risk.MaxDailyLoss == 0m ? "has no daily loss limit" : Text($"stops only after losing {ConfigValues.Format(risk.MaxDailyLoss)}% of equity in a day");
                yield return new SuggestionDraft($"{Name}:daily-loss:{strategy.StrategyId}", ConfigSettings.MaxDailyLoss, strategy.StrategyId, strategy.AccountId,
                    ConfigValues.Format(risk.MaxDailyLoss), ConfigValues.Format(ProposedDailyLossPercent),
                    Text($"Strategy '{strategy.Name}' {what}. ") + record,
                    Text($"Daily loss limit {ConfigValues.Format(risk.MaxDailyLoss)}% → {ConfigValues.Format(ProposedDailyLossPercent)}%: a bad day stops the strategy after {ConfigValues.Format(ProposedDailyLossPercent)}% of equity."),
                    ConfigValues.Confidence(0.55 + (results.MaxDrawdown > MaxDailyLossPercent ? 0.15 : 0)));
            }
        }

        foreach (var account in figures.Accounts.Where(a => a.Results.Trades > 0 && a.InitialBalance > 0m))
        {
            var limitPercent = account.MaxDailyLoss is { } limit ? 100m * limit / account.InitialBalance : (decimal?)null;
            if (limitPercent is not null && limitPercent <= MaxAccountDailyLossPercent)
            {
                continue;
            }

            var proposed = Math.Round(account.InitialBalance * ProposedDailyLossPercent / 100m, 2);
            var what = limitPercent is null ? "has no daily loss limit" : Text($"allows a daily loss of {ConfigValues.Money(account.MaxDailyLoss!.Value)}, {ConfigValues.Format(Math.Round(limitPercent.Value, 1))}% of its initial balance");
            yield return new SuggestionDraft($"{Name}:account-daily-loss:{account.AccountId}", ConfigSettings.AccountMaxDailyLoss, null, account.AccountId,
                account.MaxDailyLoss is { } current ? ConfigValues.Format(current) : "none", ConfigValues.Format(proposed),
                Text($"Account '{account.Name}' {what}; its realised drawdown reached {ConfigValues.Format(account.Results.MaxDrawdown)}% with {account.Liquidations} liquidation(s) over {account.Results.Trades} trades."),
                Text($"Daily loss limit → {ConfigValues.Money(proposed)} ({ConfigValues.Format(ProposedDailyLossPercent)}% of {ConfigValues.Money(account.InitialBalance)}): once a day's loss reaches it, orders that add exposure are refused until the next UTC day."),
                ConfigValues.Confidence(0.5 + (account.Results.MaxDrawdown > MaxAccountDailyLossPercent ? 0.2 : 0)));
        }
    }

    /// <summary>Losing trades in a row that cost a third of the account at this risk per trade.</summary>
    private static int Streak(decimal riskPercent) => (int)Math.Ceiling(Math.Log(2d / 3d) / Math.Log(1d - (double)riskPercent / 100d));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
