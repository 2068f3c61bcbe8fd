using System.Globalization;
using TradingPlatform.Api.Backtests;

using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// The objective over two of a sweep's parameters, from its stored ranked rows: each cell holds the best value among
/// the rows with that pair (the other parameters at their best), NaN where the grid had no valid combination.
/// </summary>
internal static class OptimizationHeatmap
{
    public static (double[,] Values, IReadOnlyList<string> XLabels, IReadOnlyList<string> YLabels) From(
        IReadOnlyList<OptimizationRowRecord> rows, string x, string y, bool minimised)
    {
        if (string.Equals(x, y, StringComparison.OrdinalIgnoreCase))
        {
            throw SimulationInputs.Invalid("y", "The heat map needs two different parameters.");
        }

        var xName = Name(rows, x, "x");
        var yName = Name(rows, y, "y");
        var xs = rows.Select(r => r.Parameters[xName]).Distinct().Order().ToList();
        var ys = rows.Select(r => r.Parameters[yName]).Distinct().Order().ToList();
        var values = new double[ys.Count, xs.Count];
        for (var i = 0; i < ys.Count; i++)
        {
            for (var j = 0; j < xs.Count; j++)
            {
                values[i, j] = double.NaN;
            }
        }

        foreach (var row in rows)
        {
            var (i, j) = (ys.IndexOf(row.Parameters[yName]), xs.IndexOf(row.Parameters[xName]));
            var current = values[i, j];
            if (double.IsNaN(current) || (minimised ? row.Objective < current : row.Objective > current))
            {
                values[i, j] = row.Objective;
            }
        }

        return (values, [.. xs.Select(Label)], [.. ys.Select(Label)]);
    }

    private static string Name(IReadOnlyList<OptimizationRowRecord> rows, string wanted, string field) =>
        rows.Count > 0 && rows[0].Parameters.Keys.FirstOrDefault(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase)) is { } name
            ? name
            : throw SimulationInputs.Invalid(field, $"'{wanted}' is not a parameter of this sweep; it has {string.Join(", ", rows.Count > 0 ? rows[0].Parameters.Keys : [])}.");

    private static string Label(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
