using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using TradingPlatform.Api.Backtests.Charts;
using TradingPlatform.Trading.Backtesting;

// The namespace of the code under test (TradingPlatform.Api.Backtests.Charts), so that "FullyQualifiedName~Charts" runs these.
namespace TradingPlatform.Api.Tests.Backtests.Charts;

/// <summary>
/// The backtest charts, rendered for real (SkiaSharp's native library and the DejaVu Sans files are loaded). Pure:
/// no servers. Labels are checked in the SVG, where Skia writes each one as a &lt;text&gt; element, and in the PNG by
/// counting the dark pixels that only text puts in the title band.
/// </summary>
public sealed class ChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // 60 daily closes: up to 110 000, a fall to 88 000 (−20 % from the peak), a partial recovery.
    private static readonly EquityCurvePoint[] Curve = BuildCurve();

    private static readonly string[] FastLabels = ["5", "10", "15", "20"];
    private static readonly string[] SlowLabels = ["10", "20", "30"];

    [Fact]
    public void Equity_png_has_the_requested_size_and_its_title_is_drawn()
    {
        var png = EquityChart.RenderPng(Curve, "SMA crossover on AAPL", 900, 500);

        Assert.Equal((900, 500), PngSize(png));
        Assert.True(DarkPixelsInTitleBand(png) > 100, "the title band holds no text");
    }

    [Fact]
    public void What_the_title_band_counts_is_the_title()
    {
        // The counterpart of the test above: a longer title darkens more of the band, so the count is of its text.
        var shortTitle = DarkPixelsInTitleBand(EquityChart.RenderPng(Curve, "SMA", 900, 500));
        var longTitle = DarkPixelsInTitleBand(EquityChart.RenderPng(Curve, "SMA crossover on AAPL, daily bars, 2024", 900, 500));

        Assert.True(longTitle > shortTitle * 4, $"{longTitle} dark pixels for the long title, {shortTitle} for the short one");
    }

    [Fact]
    public void Equity_png_uses_the_default_size()
    {
        Assert.Equal((1200, 700), PngSize(EquityChart.RenderPng(Curve, "Defaults")));
    }

    [Fact]
    public void Equity_svg_is_well_formed_with_the_requested_size_title_and_axis_labels()
    {
        var svg = XDocument.Parse(EquityChart.RenderSvg(Curve, "SMA crossover on AAPL", 1000, 600));

        AssertSvgSize(svg, 1000, 600);
        var texts = Texts(svg);
        Assert.Contains("SMA crossover on AAPL", texts);
        Assert.Contains(EquityChart.EquityAxisLabel, texts);
        Assert.Contains(EquityChart.DrawdownAxisLabel, texts);
        Assert.Contains(EquityChart.TimeAxisLabel, texts);
        // Equity ticks are grouped by thousands, drawdown ticks are percentages (negative).
        Assert.Contains(texts, t => t.Contains(',', StringComparison.Ordinal) && t.EndsWith("000", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith('-') && double.TryParse(t, CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void Every_label_is_drawn_in_DejaVu_Sans()
    {
        var svg = XDocument.Parse(EquityChart.RenderSvg(Curve, "Fonts"));

        var families = svg.Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family") ?? "(none)").Distinct().ToArray();
        Assert.Equal(["DejaVu Sans"], families);
    }

    [Fact]
    public void Drawdown_panel_reaches_exactly_the_deepest_drawdown_in_percent()
    {
        var multiplot = EquityChart.Build(Curve, "Drawdown");
        var plots = multiplot.Subplots.GetPlots();
        var drawdown = plots[1].Axes.GetDataLimits();
        var shown = plots[1].Axes.GetLimits();

        var deepest = Curve.Min(p => p.Drawdown) * 100;
        Assert.Equal(-20, deepest, 9);
        Assert.Equal(deepest, drawdown.Bottom, 9);
        Assert.Equal(0, drawdown.Top, 9);
        Assert.InRange(shown.Bottom, deepest - 2, deepest); // a little room below the deepest point
        Assert.InRange(shown.Top, 0, 2);
    }

    [Fact]
    public void Both_panels_show_the_same_time_range_and_align_their_data_areas()
    {
        var multiplot = EquityChart.Build(Curve, "Shared X");
        var plots = multiplot.Subplots.GetPlots();

        var first = Curve[0].At.UtcDateTime.ToOADate();
        var last = Curve[^1].At.UtcDateTime.ToOADate();
        foreach (var plot in plots)
        {
            var limits = plot.Axes.GetLimits();
            Assert.Equal(first, limits.Left, 9);
            Assert.Equal(last, limits.Right, 9);
        }

        // After a render both data areas start and end on the same pixel column, and equity takes about 70 %.
        var svg = ChartCanvas.RenderSvg((canvas, rect) => EquityChart.RenderAligned(multiplot, canvas, rect), 1200, 700);
        var equityArea = plots[0].LastRender.DataRect;
        var drawdownArea = plots[1].LastRender.DataRect;
        Assert.Equal(equityArea.Left, drawdownArea.Left);
        Assert.Equal(equityArea.Right, drawdownArea.Right);
        Assert.InRange(plots[0].LastRender.FigureRect.Height / 700, 0.65, 0.75);
        // Each panel is drawn once: one title, not the two that ScottPlot's double first frame would leave.
        Assert.Single(Texts(XDocument.Parse(svg)), t => t == "Shared X");
    }

    [Fact]
    public void Equity_time_axis_is_in_utc()
    {
        // Points at 23:00 UTC: in any zone east of UTC a local-time axis would show the next day.
        var at = new DateTimeOffset(2024, 3, 1, 23, 0, 0, TimeSpan.FromHours(-5)); // 2024-03-02 04:00 UTC
        EquityCurvePoint[] curve = [new(at, 100m, 0), new(at.AddHours(2), 101m, 0), new(at.AddHours(4), 99m, -0.0198)];

        var multiplot = EquityChart.Build(curve, "UTC");

        Assert.Equal(new DateTime(2024, 3, 2, 4, 0, 0), DateTime.FromOADate(multiplot.Subplots.GetPlot(0).Axes.GetLimits().Left));
    }

    [Fact]
    public void Empty_equity_curve_renders_a_no_data_chart()
    {
        var svg = XDocument.Parse(EquityChart.RenderSvg([], "Nothing yet", 800, 400));
        var png = EquityChart.RenderPng([], "Nothing yet", 800, 400);

        AssertSvgSize(svg, 800, 400);
        // The title and the message, once each, and no axis or tick label.
        Assert.Equal(["Nothing yet", "No data"], Texts(svg).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal((800, 400), PngSize(png));
    }

    [Fact]
    public void A_single_point_and_a_flat_curve_render()
    {
        var at = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var single = XDocument.Parse(EquityChart.RenderSvg([new(at, 100_000m, 0)], "One"));
        var flat = XDocument.Parse(EquityChart.RenderSvg([new(at, 100_000m, 0), new(at.AddDays(1), 100_000m, 0)], "Flat"));

        Assert.Contains(EquityChart.EquityAxisLabel, Texts(single));
        Assert.Contains(EquityChart.DrawdownAxisLabel, Texts(flat));
    }

    [Fact]
    public void A_nan_drawdown_leaves_the_drawdown_axis_finite()
    {
        var at = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        EquityCurvePoint[] curve = [new(at, 100m, 0), new(at.AddDays(1), 90m, double.NaN), new(at.AddDays(2), 95m, -0.05)];

        var limits = EquityChart.Build(curve, "NaN").Subplots.GetPlot(1).Axes.GetLimits();

        Assert.InRange(limits.Bottom, -5.5, -5); // from the finite −5 %
        Assert.True(double.IsFinite(limits.Top));
        Assert.Contains(EquityChart.DrawdownAxisLabel, Texts(XDocument.Parse(EquityChart.RenderSvg(curve, "NaN"))));
    }

    [Fact]
    public void Heatmap_png_has_the_requested_size_and_its_title_is_drawn()
    {
        var png = HeatmapChart.RenderPng(Grid(), FastLabels, SlowLabels, "Fast period", "Slow period", "Sharpe", "Sweep", 640, 480);

        Assert.Equal((640, 480), PngSize(png));
        Assert.True(DarkPixelsInTitleBand(png) > 50, "the title band holds no text");
    }

    [Fact]
    public void Heatmap_svg_has_its_labels_tick_labels_and_colour_bar_label()
    {
        var svg = XDocument.Parse(
            HeatmapChart.RenderSvg(Grid(), FastLabels, SlowLabels, "Fast period", "Slow period", "Sharpe ratio", "SMA sweep", 800, 600));

        AssertSvgSize(svg, 800, 600);
        var texts = Texts(svg);
        Assert.Contains("SMA sweep", texts);
        Assert.Contains("Fast period", texts);
        Assert.Contains("Slow period", texts);
        Assert.Contains("Sharpe ratio", texts);
        Assert.All(FastLabels.Concat(SlowLabels), label => Assert.Contains(label, texts));
    }

    [Fact]
    public void Heatmap_keeps_nan_cells_as_missing_and_puts_y_index_0_at_the_bottom()
    {
        var values = Grid();
        var plot = HeatmapChart.Build(values, FastLabels, SlowLabels, "Fast", "Slow", "Sharpe", "NaN", 800, 600);
        var heatmap = plot.GetPlottables<ScottPlot.Plottables.Heatmap>().Single();

        // Cell (x, y) is centred on (x, y): the bottom-left cell is values[0, 0], the top-right values[2, 3].
        Assert.Equal(values[0, 0], heatmap.GetValue(new ScottPlot.Coordinates(0, 0)));
        Assert.Equal(values[2, 3], heatmap.GetValue(new ScottPlot.Coordinates(3, 2)));
        Assert.True(double.IsNaN(heatmap.GetValue(new ScottPlot.Coordinates(0, 1))), "the invalid cell should stay NaN");
        Assert.True(double.IsNaN(heatmap.GetValue(new ScottPlot.Coordinates(3, 0))), "an infinite cell should be drawn as invalid");
        Assert.Equal(new ScottPlot.Range(-0.5, 2.0), heatmap.GetRange());
        Assert.Equal((640, 480), PngSize(HeatmapChart.RenderPng(values, FastLabels, SlowLabels, "Fast", "Slow", "Sharpe", "NaN", 640, 480)));
    }

    [Fact]
    public void A_one_by_one_grid_renders()
    {
        var svg = XDocument.Parse(HeatmapChart.RenderSvg(new double[,] { { 1.25 } }, ["10"], ["50"], "Fast", "Slow", "Sharpe", "One", 400, 300));
        var png = HeatmapChart.RenderPng(new double[,] { { 1.25 } }, ["10"], ["50"], "Fast", "Slow", "Sharpe", "One", 400, 300);

        Assert.Contains("10", Texts(svg));
        Assert.Contains("50", Texts(svg));
        Assert.Contains("Sharpe", Texts(svg));
        Assert.Equal((400, 300), PngSize(png));
    }

    [Fact]
    public void A_grid_with_no_valid_cell_says_so()
    {
        var values = new double[,] { { double.NaN, double.NaN } };

        var svg = XDocument.Parse(HeatmapChart.RenderSvg(values, ["5", "10"], ["20"], "Fast", "Slow", "Sharpe", "Invalid"));

        Assert.Contains(HeatmapChart.NoValidCells, Texts(svg));
    }

    [Fact]
    public void Mismatched_label_counts_throw()
    {
        var values = Grid(); // 3 rows (y) × 4 columns (x)

        var x = Assert.Throws<ArgumentException>(() => HeatmapChart.RenderPng(values, SlowLabels, SlowLabels, "F", "S", "M", "T"));
        var y = Assert.Throws<ArgumentException>(() => HeatmapChart.RenderSvg(values, FastLabels, FastLabels, "F", "S", "M", "T"));

        Assert.Equal("xLabels", x.ParamName);
        Assert.Equal("yLabels", y.ParamName);
    }

    [Fact]
    public void Sizes_outside_one_to_8000_pixels_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EquityChart.RenderPng(Curve, "T", 0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatmapChart.RenderSvg(Grid(), FastLabels, SlowLabels, "F", "S", "M", "T", 100, 8001));
    }

    [Fact]
    public void A_machine_without_DejaVu_Sans_gets_an_error_naming_the_package()
    {
        var empty = Directory.CreateTempSubdirectory("no-fonts-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ChartFonts.Locate([empty.FullName]));

            Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
            Assert.Contains(empty.FullName, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void This_machine_has_the_font_files()
    {
        var (regular, bold) = ChartFonts.Locate(ChartFonts.SearchDirectories);

        Assert.EndsWith("DejaVuSans.ttf", regular, StringComparison.Ordinal);
        Assert.EndsWith("DejaVuSans-Bold.ttf", bold, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_rendered_at_the_same_time_are_the_same_as_one_rendered_alone()
    {
        // Requests render concurrently, and ScottPlot keeps fonts in process-wide state. (PNG, because Skia numbers
        // an SVG's clip paths from a process-wide counter, so two SVGs of one chart differ in their ids.)
        var equity = EquityChart.RenderPng(Curve, "Concurrent", 600, 400);
        var heatmap = HeatmapChart.RenderPng(Grid(), FastLabels, SlowLabels, "F", "S", "M", "Concurrent", 600, 400);

        var together = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => i % 2 == 0
                ? EquityChart.RenderPng(Curve, "Concurrent", 600, 400)
                : HeatmapChart.RenderPng(Grid(), FastLabels, SlowLabels, "F", "S", "M", "Concurrent", 600, 400))
            .ToArray();

        Assert.All(together.Where((_, i) => i % 2 == 0), png => Assert.Equal(equity, png));
        Assert.All(together.Where((_, i) => i % 2 == 1), png => Assert.Equal(heatmap, png));
    }

    // values[y, x]: y = slow period (3), x = fast period (4); fast 10 with slow 10 is invalid, one cell diverged.
    private static double[,] Grid() => new[,]
    {
        { 0.5, 0.75, -0.5, double.PositiveInfinity },
        { double.NaN, 1.0, 1.25, 0.25 },
        { 1.5, 2.0, 1.75, 0.0 },
    };

    private static EquityCurvePoint[] BuildCurve()
    {
        var start = new DateTimeOffset(2024, 1, 1, 21, 0, 0, TimeSpan.Zero);
        var points = new List<EquityCurvePoint>();
        var peak = 0m;
        for (var day = 0; day < 60; day++)
        {
            var equity = day switch
            {
                < 20 => 100_000m + day * 500m, // up to 109 500
                20 => 110_000m, // the peak
                < 40 => 110_000m - (day - 20) * 1_100m, // down to 89 100
                40 => 88_000m, // −20 % from 110 000
                _ => 88_000m + (day - 40) * 400m,
            };
            peak = Math.Max(peak, equity);
            points.Add(new EquityCurvePoint(start.AddDays(day), equity, (double)(equity / peak - 1)));
        }

        return [.. points];
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(PngSignature), "not a PNG");
        // The signature is followed by the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    // Decodes with ScottPlot's own image type (SkiaSharp underneath) and counts near-black pixels in the top 40 px
    // of the middle half: where the title is drawn, and where no axis, frame or data line ever is.
    private static int DarkPixelsInTitleBand(byte[] png)
    {
        using var image = new ScottPlot.Image(png);
        var rgb = image.GetArrayRGB(); // [y, x, channel]
        var dark = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = image.Width / 4; x < image.Width * 3 / 4; x++)
            {
                if (rgb[y, x, 0] < 100 && rgb[y, x, 1] < 100 && rgb[y, x, 2] < 100)
                {
                    dark++;
                }
            }
        }

        return dark;
    }

    private static string[] Texts(XDocument svg) =>
        svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).Where(t => t.Length > 0).ToArray();

    private static void AssertSvgSize(XDocument svg, int width, int height)
    {
        var root = svg.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal(width.ToString(CultureInfo.InvariantCulture), (string?)root.Attribute("width"));
        Assert.Equal(height.ToString(CultureInfo.InvariantCulture), (string?)root.Attribute("height"));
        Assert.Equal($"0 0 {width} {height}", (string?)root.Attribute("viewBox"));
    }
}
