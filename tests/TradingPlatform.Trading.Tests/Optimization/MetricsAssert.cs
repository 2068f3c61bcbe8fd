using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Trading.Tests.Optimization;

/// <summary>Compares two runs' figures: money and counts exactly, ratios to a relative tolerance.</summary>
internal static class MetricsAssert
{
    public static void Equal(BacktestMetrics expected, BacktestMetrics actual, double relative, string context)
    {
        Assert.True(expected.FinalEquity == actual.FinalEquity, $"{context}: final equity {actual.FinalEquity}, engine {expected.FinalEquity}");
        Assert.True(expected.TotalTrades == actual.TotalTrades, $"{context}: {actual.TotalTrades} trades, engine {expected.TotalTrades}");
        Assert.True(expected.FeesPaid == actual.FeesPaid, $"{context}: fees {actual.FeesPaid}, engine {expected.FeesPaid}");
        Assert.True(expected.SlippagePaid == actual.SlippagePaid, $"{context}: slippage {actual.SlippagePaid}, engine {expected.SlippagePaid}");
        Assert.True(expected.NetProfit == actual.NetProfit, $"{context}: net profit");
        Assert.True(expected.WinningTrades == actual.WinningTrades && expected.LosingTrades == actual.LosingTrades, $"{context}: wins/losses");
        Assert.True(expected.Expectancy == actual.Expectancy && expected.AverageWin == actual.AverageWin && expected.AverageLoss == actual.AverageLoss, $"{context}: trade averages");
        Assert.True(expected.LargestWin == actual.LargestWin && expected.LargestLoss == actual.LargestLoss, $"{context}: largest trades");
        Assert.True(expected.MaxDrawdownDuration == actual.MaxDrawdownDuration, $"{context}: drawdown duration {actual.MaxDrawdownDuration}, engine {expected.MaxDrawdownDuration}");
        Close(expected.TotalReturn, actual.TotalReturn, relative, context, "total return");
        Close(expected.Cagr, actual.Cagr, relative, context, "CAGR");
        Close(expected.AnnualVolatility, actual.AnnualVolatility, relative, context, "volatility");
        Close(expected.Sharpe, actual.Sharpe, relative, context, "Sharpe");
        Close(expected.Sortino, actual.Sortino, relative, context, "Sortino");
        Close(expected.MaxDrawdown, actual.MaxDrawdown, relative, context, "max drawdown");
        Close(expected.Calmar, actual.Calmar, relative, context, "Calmar");
        Close(expected.WinRate, actual.WinRate, relative, context, "win rate");
        Close(expected.ProfitFactor ?? double.NaN, actual.ProfitFactor ?? double.NaN, relative, context, "profit factor");
        Close(expected.Exposure, actual.Exposure, relative, context, "exposure");
        Close(expected.Turnover, actual.Turnover, relative, context, "turnover");
        Close(expected.BuyAndHoldReturn, actual.BuyAndHoldReturn, relative, context, "buy and hold");
        Close(expected.PeriodsPerYear, actual.PeriodsPerYear, relative, context, "periods per year");
    }

    /// <summary>|a − b| ≤ relative × max(|a|, |b|), NaN equal to NaN; a figure that should be 0 must be within 1e-300 of it.</summary>
    public static void Close(double expected, double actual, double relative, string context, string what)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
        {
            return;
        }

        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= (relative * scale) + 1e-300,
            $"{context}: {what} {actual:R}, engine {expected:R} (relative difference {Math.Abs(expected - actual) / scale:E2})");
    }
}
