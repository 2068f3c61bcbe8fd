namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// A sweep's objective over two of its parameters, for a heatmap: <see cref="Values"/>[y, x] (row = a value of
/// <see cref="YParameter"/>, column = a value of <see cref="XParameter"/>, in the grid's order of each) holds the
/// objective's value of the best combination with those two values, best over every other parameter by the sweep's own
/// ranking, and NaN where the grid has no valid combination there (slow ≤ fast) or, with <c>feasibleOnly</c>, none that
/// met the constraints. The labels are the axis values in invariant notation.
/// </summary>
public sealed record HeatmapData(
    string XParameter,
    string YParameter,
    SweepObjective Objective,
    IReadOnlyList<double> XValues,
    IReadOnlyList<double> YValues,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<string> YLabels,
    double[,] Values)
{
    /// <exception cref="ArgumentException">A parameter the grid does not vary, or the same parameter twice.</exception>
    public static HeatmapData From(SweepResult result, string xParameter, string yParameter, bool feasibleOnly = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var xs = result.Grid.ValuesOf(xParameter);
        var ys = result.Grid.ValuesOf(yParameter);
        var xName = result.Grid.Parameters.First(p => string.Equals(p.Name, xParameter, StringComparison.OrdinalIgnoreCase)).Name;
        var yName = result.Grid.Parameters.First(p => string.Equals(p.Name, yParameter, StringComparison.OrdinalIgnoreCase)).Name;
        if (string.Equals(xName, yName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"A heatmap needs two different parameters; both were '{xName}'.", nameof(yParameter));
        }

        var values = new double[ys.Count, xs.Count];
        var filled = new bool[ys.Count, xs.Count];
        for (var y = 0; y < ys.Count; y++)
        {
            for (var x = 0; x < xs.Count; x++)
            {
                values[y, x] = double.NaN;
            }
        }

        var xIndex = IndexOf(xs);
        var yIndex = IndexOf(ys);
        // Rows are ranked best first, so the first row seen in a cell is the best over the other parameters.
        foreach (var row in result.Rows)
        {
            if ((feasibleOnly && !row.Feasible)
                || !xIndex.TryGetValue(row.Combination[xName], out var x)
                || !yIndex.TryGetValue(row.Combination[yName], out var y)
                || filled[y, x])
            {
                continue;
            }

            values[y, x] = row.ObjectiveValue;
            filled[y, x] = true;
        }

        return new HeatmapData(xName, yName, result.Objective, xs, ys, [.. xs.Select(ParameterRange.F)], [.. ys.Select(ParameterRange.F)], values);
    }

    private static Dictionary<double, int> IndexOf(IReadOnlyList<double> axis)
    {
        var index = new Dictionary<double, int>();
        for (var i = 0; i < axis.Count; i++)
        {
            index.TryAdd(axis[i], i);
        }

        return index;
    }
}
