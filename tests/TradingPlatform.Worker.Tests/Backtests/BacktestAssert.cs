using Hangfire;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Worker.Tests.Backtests;

internal static class BacktestAssert
{
    /// <summary>The stored outcome of <paramref name="stored"/> is exactly <paramref name="direct"/>: bars, metrics, curve, gaps and every trade.</summary>
    public static void StoredEquals(BacktestResult direct, BacktestRun stored, IReadOnlyList<BacktestTradeRecord> trades)
    {
        Assert.Equal(BacktestStatus.Completed, stored.Status);
        Assert.Null(stored.Error);
        Assert.Equal(1d, stored.Progress);
        Assert.NotNull(stored.CompletedAt);
        Assert.Equal(direct.Bars, stored.Bars);
        Assert.Equal(direct.Trades.Count, stored.TradeCount);

        var metrics = BacktestJson.Deserialize<BacktestMetrics>(stored.Metrics!);
        Assert.Equal(direct.Metrics.FinalEquity, metrics.FinalEquity);
        Assert.Equal(direct.Metrics.TotalTrades, metrics.TotalTrades);
        Assert.Equal(direct.Metrics, metrics);
        Assert.Equal(BacktestJson.Serialize(direct.Metrics), BacktestJson.Serialize(metrics));

        Assert.Equal(EquityCurveSampler.Downsample(direct.Equity), BacktestJson.Deserialize<List<EquityCurvePoint>>(stored.EquityCurve!));
        Assert.Equal(direct.Gaps, BacktestJson.Deserialize<List<DataGap>>(stored.Gaps!));

        Assert.Equal(direct.Trades.Count, trades.Count);
        for (var i = 0; i < trades.Count; i++)
        {
            var (expected, actual) = (direct.Trades[i], trades[i]);
            Assert.Equal(i + 1, actual.Number);
            Assert.Equal(
                (expected.Symbol, expected.Side, expected.Quantity, expected.EntryAt, expected.EntryPrice, expected.ExitAt, expected.ExitPrice,
                    expected.GrossPnl, expected.Fees, expected.NetPnl, expected.ExitReason),
                (actual.Symbol, actual.Side, actual.Quantity, actual.EntryAt, actual.EntryPrice, actual.ExitAt, actual.ExitPrice,
                    actual.GrossPnl, actual.Fees, actual.NetPnl, actual.ExitReason));
        }
    }

    public static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetJobData(jobId)?.State;
    }
}
