using ScottPlot;

namespace TradingPlatform.Api.Backtests.Charts;

/// <summary>A titled, axis-less plot with a message in the middle: what a chart with nothing to draw shows instead.</summary>
internal static class MessagePlot
{
    public const string NoData = "No data";

    public static Plot Create(string title, string message)
    {
        var plot = new Plot();
        ChartFonts.Apply(plot);
        plot.Title(title, 18);
        // Not HideAxesAndGrid: in ScottPlot 5.1 that hides the title panel too.
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.IsVisible = false;
        }

        plot.HideGrid();
        plot.Axes.SetLimits(-1, 1, -1, 1);

        var text = plot.Add.Text(message, 0, 0);
        text.LabelFontName = ChartFonts.Family;
        text.LabelFontSize = 20;
        text.LabelFontColor = Colors.Gray;
        text.Alignment = Alignment.MiddleCenter;
        return plot;
    }
}
