using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Bench.Backtest;

/// <summary>
/// A SHA-256 of a result's metrics, fills, orders, strategy actions and equity curve, so that a change meant only to make the engine faster can
/// be seen not to have changed what it computes (and so that every timed run is checked against the warm-up).
/// </summary>
internal static class ResultFingerprint
{
    public static string Of(BacktestResult result)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        var m = result.Metrics;
        Add(string.Join('|', m.TotalTrades, D(m.FinalEquity), D(m.FeesPaid), D(m.SlippagePaid), R(m.TotalReturn), R(m.Sharpe), R(m.Sortino),
            R(m.MaxDrawdown), m.MaxDrawdownDuration.Ticks, R(m.Exposure), R(m.Turnover), R(m.WinRate), result.Bars));
        foreach (var f in result.Fills)
        {
            Add(string.Join('|', f.Id.Value, f.OrderId.Value, f.Side, D(f.Quantity), D(f.Price), D(f.Commission), D(f.RealizedPnl), f.Liquidity, f.ExecutedAt.UtcTicks));
        }

        foreach (var o in result.Orders)
        {
            Add(string.Join('|', o.Id.Value, o.Side, D(o.Quantity), o.Origin, o.Status, o.StatusReason, D(o.FilledQuantity), o.AveragePrice is { } p ? D(p) : "-",
                o.StopLoss is { } sl ? D(sl) : "-", o.TakeProfit is { } tp ? D(tp) : "-", o.History.Count));
        }

        foreach (var a in result.Actions)
        {
            Add(string.Join('|', a.At.UtcTicks, a.Target, a.OrderId?.Value, a.Refusal));
        }

        foreach (var point in result.Equity)
        {
            Add(string.Join('|', point.At.UtcTicks, D(point.Equity)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
