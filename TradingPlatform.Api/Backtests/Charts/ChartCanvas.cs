using System.Text;
using System.Xml.Linq;
using ScottPlot;
using SkiaSharp;

namespace TradingPlatform.Api.Backtests.Charts;

/// <summary>
/// Draws a chart onto a raster or an SVG canvas. ScottPlot's own SVG export exists only for a single <see cref="Plot"/>;
/// going through SkiaSharp's canvases directly gives a <see cref="Multiplot"/> the same two formats.
/// </summary>
internal static class ChartCanvas
{
    // Far above any screen, far below what would let a request allocate gigabytes (8000² × 4 bytes is 256 MB).
    public const int MaximumSide = 8000;

    public static void ValidateSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaximumSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaximumSide);
    }

    /// <summary>
    /// Draws a single plot. ScottPlot renders a plot's first frame twice (the second with the layout the first one
    /// measured), and on an SVG canvas both frames end up in the document; the first goes to a canvas that draws
    /// nothing, so that the document holds each element once.
    /// </summary>
    public static Action<SKCanvas, PixelRect> Draw(Plot plot) => (canvas, rect) =>
    {
        using (var measuring = new SKNoDrawCanvas((int)rect.Width, (int)rect.Height))
        {
            plot.Render(measuring, rect);
        }

        plot.Render(canvas, rect);
    };

    public static byte[] RenderPng(Action<SKCanvas, PixelRect> draw, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {width}×{height} surface.");
        draw(surface.Canvas, new PixelRect(width, height));
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static string RenderSvg(Action<SKCanvas, PixelRect> draw, int width, int height)
    {
        using var stream = new MemoryStream();
        // The SVG canvas writes its closing tag when it is disposed, so the document is read only after that.
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            draw(canvas, new PixelRect(width, height));
        }

        // Skia writes width and height but no viewBox, without which a browser cannot scale the chart to its box.
        // Parsing also proves the document well formed before it is served.
        var document = XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        document.Root!.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        return document.Declaration + Environment.NewLine + document.ToString(SaveOptions.DisableFormatting);
    }
}
