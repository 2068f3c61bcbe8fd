using ScottPlot;
using SkiaSharp;

namespace TradingPlatform.Api.Backtests.Charts;

/// <summary>
/// An optimisation objective over two parameters as a heat map with a colour bar. <c>values[y, x]</c> is the metric
/// for <c>yLabels[y]</c> and <c>xLabels[x]</c>; x runs left to right and y bottom to top. NaN (and infinite) cells are
/// combinations that were not valid, such as a slow period not above the fast one, and are drawn grey.
/// </summary>
public static class HeatmapChart
{
    public const string NoValidCells = "No valid parameter combinations";

    // Invalid cells: light enough to read as "nothing here" next to any Viridis colour, dark enough to see on white.
    private static readonly Color InvalidCellColor = Color.FromHex("#D3D3D3");

    // Tick labels closer than this (in pixels) overlap; past that only every n-th parameter value is labelled.
    private const float MinimumXLabelSpacing = 60;
    private const float MinimumYLabelSpacing = 22;

    /// <summary>Renders the heat map as a PNG image of exactly <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentException">The label counts do not match the dimensions of <paramref name="values"/>.</exception>
    public static byte[] RenderPng(
        double[,] values,
        IReadOnlyList<string> xLabels,
        IReadOnlyList<string> yLabels,
        string xName,
        string yName,
        string metricName,
        string title,
        int width = 1000,
        int height = 800)
    {
        ChartCanvas.ValidateSize(width, height);
        var plot = Build(values, xLabels, yLabels, xName, yName, metricName, title, width, height);
        return ChartCanvas.RenderPng(ChartCanvas.Draw(plot), width, height);
    }

    /// <summary>Renders the heat map as an SVG document with a <paramref name="width"/> × <paramref name="height"/> view box.</summary>
    /// <exception cref="ArgumentException">The label counts do not match the dimensions of <paramref name="values"/>.</exception>
    public static string RenderSvg(
        double[,] values,
        IReadOnlyList<string> xLabels,
        IReadOnlyList<string> yLabels,
        string xName,
        string yName,
        string metricName,
        string title,
        int width = 1000,
        int height = 800)
    {
        ChartCanvas.ValidateSize(width, height);
        var plot = Build(values, xLabels, yLabels, xName, yName, metricName, title, width, height);
        return ChartCanvas.RenderSvg(ChartCanvas.Draw(plot), width, height);
    }

    /// <summary>The plot behind both formats; internal so that tests can read its heat map and axes.</summary>
    internal static Plot Build(
        double[,] values,
        IReadOnlyList<string> xLabels,
        IReadOnlyList<string> yLabels,
        string xName,
        string yName,
        string metricName,
        string title,
        int width,
        int height)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(xLabels);
        ArgumentNullException.ThrowIfNull(yLabels);
        ArgumentNullException.ThrowIfNull(xName);
        ArgumentNullException.ThrowIfNull(yName);
        ArgumentNullException.ThrowIfNull(metricName);
        ArgumentNullException.ThrowIfNull(title);

        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        if (xLabels.Count != columns)
        {
            throw new ArgumentException(
                $"There are {xLabels.Count} x labels for {columns} columns (values[y, x] has {columns} x values).",
                nameof(xLabels));
        }

        if (yLabels.Count != rows)
        {
            throw new ArgumentException(
                $"There are {yLabels.Count} y labels for {rows} rows (values[y, x] has {rows} y values).",
                nameof(yLabels));
        }

        if (rows == 0 || columns == 0)
        {
            return MessagePlot.Create(title, MessagePlot.NoData);
        }

        var cells = DisplayOrder(values);
        var finite = cells.Cast<double>().Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return MessagePlot.Create(title, NoValidCells);
        }

        var plot = new Plot();
        ChartFonts.Apply(plot);
        plot.Title(title, 18);

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = InvalidCellColor;
        // No Extent: by default a cell is 1 × 1 and centred on its indexes, so tick positions are the parameter
        // indexes (an Extent names the outer cells' centres and divides by n - 1, which a 1 × 1 grid cannot).
        var (min, max) = (finite.Min(), finite.Max());
        if (min == max)
        {
            // A flat surface still needs a colour range; the one value sits in its middle.
            var half = Math.Max(Math.Abs(min) * 0.01, 1e-9);
            heatmap.ManualRange = new ScottPlot.Range(min - half, max + half);
        }

        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = metricName;
        colorBar.LabelStyle.FontName = ChartFonts.Family;
        colorBar.LabelStyle.FontSize = 14;
        colorBar.Axis.TickLabelStyle.FontName = ChartFonts.Family;

        plot.XLabel(xName);
        plot.YLabel(yName);
        plot.Axes.Bottom.SetTicks(TickPositions(columns, width, MinimumXLabelSpacing), TickLabels(xLabels, width, MinimumXLabelSpacing));
        plot.Axes.Left.SetTicks(TickPositions(rows, height, MinimumYLabelSpacing), TickLabels(yLabels, height, MinimumYLabelSpacing));
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Grid.IsVisible = false;
        return plot;
    }

    /// <summary>
    /// A copy with non-finite cells as NaN (ScottPlot colours only NaN as missing) and the rows reversed: ScottPlot
    /// draws row 0 of its array at the top, while y index 0 (the smallest parameter value) belongs at the bottom.
    /// </summary>
    private static double[,] DisplayOrder(double[,] values)
    {
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        var cells = new double[rows, columns];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var value = values[y, x];
                cells[rows - 1 - y, x] = double.IsFinite(value) ? value : double.NaN;
            }
        }

        return cells;
    }

    // Every k-th index, k chosen so that labels are at least `spacing` pixels apart along a side of `sidePixels`.
    private static int Step(int count, int sidePixels, float spacing)
    {
        var fit = Math.Max(1, (int)(sidePixels * 0.7 / spacing));
        return Math.Max(1, (int)Math.Ceiling(count / (double)fit));
    }

    private static double[] TickPositions(int count, int sidePixels, float spacing)
    {
        var step = Step(count, sidePixels, spacing);
        return Enumerable.Range(0, count).Where(i => i % step == 0).Select(i => (double)i).ToArray();
    }

    private static string[] TickLabels(IReadOnlyList<string> labels, int sidePixels, float spacing)
    {
        var step = Step(labels.Count, sidePixels, spacing);
        return Enumerable.Range(0, labels.Count).Where(i => i % step == 0).Select(i => labels[i]).ToArray();
    }
}
