using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;
using TradingPlatform.Trading.Backtesting;

namespace TradingPlatform.Api.Backtests.Charts;

/// <summary>
/// A backtest's equity curve (top, about 70 % of the height) above its drawdown in percent (bottom, a filled area from
/// 0 down), on one UTC time axis. An empty curve gives a chart that says "No data".
/// </summary>
public static class EquityChart
{
    public const string EquityAxisLabel = "Equity (USD)";
    public const string DrawdownAxisLabel = "Drawdown (%)";
    public const string TimeAxisLabel = "Time (UTC)";

    // Seven rows of ten for the equity panel, three for the drawdown.
    private const int GridRows = 10;
    private const int EquityRows = 7;

    /// <summary>Renders the chart as a PNG image of exactly <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] RenderPng(IReadOnlyList<EquityCurvePoint> points, string title, int width = 1200, int height = 700)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(title);
        ChartCanvas.ValidateSize(width, height);
        return ChartCanvas.RenderPng(Draw(points, title), width, height);
    }

    /// <summary>Renders the chart as an SVG document with a <paramref name="width"/> × <paramref name="height"/> view box.</summary>
    public static string RenderSvg(IReadOnlyList<EquityCurvePoint> points, string title, int width = 1200, int height = 700)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(title);
        ChartCanvas.ValidateSize(width, height);
        return ChartCanvas.RenderSvg(Draw(points, title), width, height);
    }

    private static Action<SKCanvas, PixelRect> Draw(IReadOnlyList<EquityCurvePoint> points, string title)
    {
        if (points.Count == 0)
        {
            return ChartCanvas.Draw(MessagePlot.Create(title, MessagePlot.NoData));
        }

        var multiplot = Build(points, title);
        return (canvas, rect) => RenderAligned(multiplot, canvas, rect);
    }

    /// <summary>The two panels, equity first; internal so that tests can read their axis limits.</summary>
    internal static Multiplot Build(IReadOnlyList<EquityCurvePoint> points, string title)
    {
        // In time order: ScottPlot joins points in the order given, so unsorted points would zigzag back in time.
        var ordered = points.OrderBy(p => p.At).ToArray();
        var times = ordered.Select(p => p.At.UtcDateTime.ToOADate()).ToArray();
        var equity = ordered.Select(p => (double)p.Equity).ToArray();
        var drawdown = ordered.Select(p => p.Drawdown * 100).ToArray();

        var top = new Plot();
        var bottom = new Plot();
        ChartFonts.Apply(top);
        ChartFonts.Apply(bottom);

        top.Title(title, 18);
        var equityLine = top.Add.ScatterLine(times, equity, Colors.SteelBlue);
        equityLine.LineWidth = 1.5f;
        // One point draws no line: show it as a dot.
        equityLine.MarkerSize = ordered.Length == 1 ? 6 : 0;
        top.Axes.DateTimeTicksBottom();
        // The drawdown panel below carries the dates; the equity panel keeps the ticks for its grid lines only.
        top.Axes.Bottom.TickLabelStyle.IsVisible = false;
        top.YLabel(EquityAxisLabel);
        top.Axes.Left.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = value => value.ToString("N0", CultureInfo.InvariantCulture),
        };
        var (equityBottom, equityTop) = Padded(equity.Min(), equity.Max());
        top.Axes.SetLimitsY(equityBottom, equityTop);

        var drawdownArea = bottom.Add.ScatterLine(times, drawdown, Colors.FireBrick);
        drawdownArea.LineWidth = 1;
        drawdownArea.MarkerSize = ordered.Length == 1 ? 6 : 0;
        drawdownArea.FillY = true;
        drawdownArea.FillYValue = 0;
        drawdownArea.FillYColor = Colors.FireBrick.WithAlpha(0.35);
        bottom.Axes.DateTimeTicksBottom();
        bottom.XLabel(TimeAxisLabel);
        bottom.YLabel(DrawdownAxisLabel);
        bottom.Axes.Left.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = value => value.ToString("0.#", CultureInfo.InvariantCulture),
        };
        // From a little below the deepest drawdown up to just above 0, where the fill starts.
        // Only finite values: one NaN would make the minimum, and so the axis limits, NaN.
        var deepest = Math.Min(drawdown.Where(double.IsFinite).DefaultIfEmpty(0).Min(), 0);
        var depth = deepest < 0 ? -deepest : 1;
        bottom.Axes.SetLimitsY(deepest - depth * 0.05, depth * 0.05);

        // Shared X range: both panels show exactly the curve's span (a single point gets a day either side).
        var (left, right) = times[0] < times[^1] ? (times[0], times[^1]) : (times[0] - 1, times[0] + 1);
        top.Axes.SetLimitsX(left, right);
        bottom.Axes.SetLimitsX(left, right);

        // Multiplot's parameterless constructor already holds an empty plot; this one starts with the equity panel.
        var multiplot = new Multiplot(top);
        multiplot.Subplots.Add(bottom);
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        layout.Set(top, new GridCell(0, 0, GridRows, 1, EquityRows, 1));
        layout.Set(bottom, new GridCell(EquityRows, 0, GridRows, 1, GridRows - EquityRows, 1));
        multiplot.Layout = layout;
        multiplot.SharedAxes.ShareX([top, bottom]);
        return multiplot;
    }

    /// <summary>
    /// Renders so that both data areas start and end at the same x pixel, which a shared time axis needs: each
    /// panel's automatic layout sizes its left axis to its own tick labels ("100,000" against "-12.5"). A first pass
    /// on a canvas that draws nothing measures both layouts (and takes the double first frame that ScottPlot renders,
    /// see <see cref="ChartCanvas.Draw"/>); the second fixes both to the wider margins.
    /// </summary>
    internal static void RenderAligned(Multiplot multiplot, SKCanvas canvas, PixelRect rect)
    {
        var plots = multiplot.Subplots.GetPlots();
        foreach (var plot in plots)
        {
            plot.Layout.Default();
        }

        using (var measuring = new SKNoDrawCanvas((int)rect.Width, (int)rect.Height))
        {
            multiplot.Render(measuring, rect);
        }

        var left = plots.Max(p => p.LastRender.DataRect.Left - p.LastRender.FigureRect.Left);
        var right = plots.Max(p => p.LastRender.FigureRect.Right - p.LastRender.DataRect.Right);
        foreach (var plot in plots)
        {
            var figure = plot.LastRender.FigureRect;
            var data = plot.LastRender.DataRect;
            plot.Layout.Fixed(new PixelPadding(left, right, figure.Bottom - data.Bottom, data.Top - figure.Top));
        }

        multiplot.Render(canvas, rect);
    }

    // A flat curve still needs a vertical span; otherwise 5 % of the range above and below.
    private static (double Bottom, double Top) Padded(double min, double max)
    {
        var span = max - min;
        if (span <= 0)
        {
            var half = Math.Max(Math.Abs(min) * 0.01, 1);
            return (min - half, max + half);
        }

        return (min - span * 0.05, max + span * 0.05);
    }
}
