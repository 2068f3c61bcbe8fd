using System.Globalization;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Analysis.Rules;

/// <summary>
/// An account whose orders used high leverage (<see cref="MinLeverageUsed"/>× or more) and that then drew down deeply
/// (<see cref="DeepDrawdownPercent"/> % or more of its initial balance) or was liquidated: lower its maximum leverage to
/// a third of what was used, at most 3× and at least 1×.
/// </summary>
public sealed class OverLeverageRule : IConfigRule
{
    public const int MinLeverageUsed = 5;
    public const decimal DeepDrawdownPercent = 20m;
    public const int MaxProposedLeverage = 3;

    public string Name => "over-leverage";

    public IEnumerable<SuggestionDraft> Evaluate(UserFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var account in figures.Accounts)
        {
            var results = account.Results;
            var used = results.MaxLeverageUsed;
            if (used < MinLeverageUsed || (results.MaxDrawdown < DeepDrawdownPercent && account.Liquidations == 0))
            {
                continue;
            }

            var proposed = Math.Clamp((int)Math.Round(used / 3d, MidpointRounding.AwayFromZero), 1, MaxProposedLeverage);
            if (proposed >= account.MaxLeverage)
            {
                continue;
            }

            var wipeOut = 100m / used;
            var reasoning = string.Create(CultureInfo.InvariantCulture,
                $"Account '{account.Name}': orders used up to {used}x leverage (average {ConfigValues.Format(results.AverageLeverageUsed)}x). " +
                $"The account's realised drawdown reached {ConfigValues.Format(results.MaxDrawdown)}% of its {ConfigValues.Money(account.InitialBalance)} start, " +
                $"with {account.Liquidations} liquidation(s) and {account.StopLossHits} stop-loss hit(s), a net P&L of {ConfigValues.Money(results.NetPnl)} over {results.Trades} trades " +
                $"(win rate {ConfigValues.Format(results.WinRate)}%). At {used}x an adverse move of about {ConfigValues.Format(Math.Round(wipeOut, 1))}% consumes a position's whole margin.");
            var effect = string.Create(CultureInfo.InvariantCulture,
                $"Max leverage {account.MaxLeverage}x → {proposed}x: the adverse move that consumes a position's margin grows from about " +
                $"{ConfigValues.Format(Math.Round(wipeOut, 1))}% to {ConfigValues.Format(Math.Round(100m / proposed, 1))}%, and the same notional needs " +
                $"{ConfigValues.Format(Math.Round((decimal)used / proposed, 1))}x the margin, so losses of that size can no longer be stacked.");
            var confidence = 0.55 + 0.15 * Math.Min(account.Liquidations, 2) + (results.MaxDrawdown >= 1.5m * DeepDrawdownPercent ? 0.1 : 0);
            yield return new SuggestionDraft(ConfigValues.Key(Name, account.AccountId), ConfigSettings.Leverage, null, account.AccountId,
                ConfigValues.Format(account.MaxLeverage), ConfigValues.Format(proposed), reasoning, effect, ConfigValues.Confidence(confidence));
        }
    }
}
