using System.Globalization;

namespace TradingPlatform.Worker.Analysis.Figures;

/// <summary>Everything the rules read about one user, and the flat name → number view stored with the run and sent to the model.</summary>
public sealed record UserFigures(Guid UserId, IReadOnlyList<AccountFigures> Accounts, IReadOnlyList<StrategyFigures> Strategies)
{
    /// <summary><c>account:{id}:{figure}</c> and <c>strategy:{id}:{figure}</c>, numbers only.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary()
    {
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"account:{account.AccountId}:");
            figures[prefix + "maxLeverage"] = account.MaxLeverage;
            if (account.MaxDailyLoss is { } limit)
            {
                figures[prefix + "maxDailyLoss"] = (double)limit;
            }

            figures[prefix + "initialBalance"] = (double)account.InitialBalance;
            figures[prefix + "stopLossHits"] = account.StopLossHits;
            figures[prefix + "liquidations"] = account.Liquidations;
            Add(figures, prefix, account.Results);
        }

        foreach (var strategy in Strategies)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"strategy:{strategy.StrategyId}:");
            figures[prefix + "stopLoss"] = (double)strategy.Risk.StopLoss;
            figures[prefix + "takeProfit"] = (double)strategy.Risk.TakeProfit;
            figures[prefix + "maxRiskPerTrade"] = (double)strategy.Risk.MaxRiskPerTrade;
            figures[prefix + "maxDailyLoss"] = (double)strategy.Risk.MaxDailyLoss;
            figures[prefix + "stopLossHits"] = strategy.StopLossHits;
            figures[prefix + "liquidations"] = strategy.Liquidations;
            if (strategy.AverageRange is { } range)
            {
                figures[prefix + "averageBarRange"] = (double)range;
            }

            Add(figures, prefix, strategy.Results);
        }

        return figures;
    }

    private static void Add(SortedDictionary<string, double> figures, string prefix, ResultFigures results)
    {
        figures[prefix + "trades"] = results.Trades;
        figures[prefix + "winRate"] = (double)results.WinRate;
        figures[prefix + "grossPnl"] = (double)results.GrossPnl;
        figures[prefix + "fees"] = (double)results.Fees;
        figures[prefix + "feeShareOfGross"] = (double)results.FeeShareOfGross;
        figures[prefix + "netPnl"] = (double)results.NetPnl;
        figures[prefix + "expectancy"] = (double)results.Expectancy;
        figures[prefix + "sharpe"] = (double)results.Sharpe;
        figures[prefix + "maxDrawdown"] = (double)results.MaxDrawdown;
        figures[prefix + "maxLeverageUsed"] = results.MaxLeverageUsed;
        figures[prefix + "averageLeverageUsed"] = (double)results.AverageLeverageUsed;
        figures[prefix + "worstLossMove"] = (double)results.WorstLossMove;
    }
}
