using ScottPlot;

namespace TradingPlatform.Api.Backtests.Charts;

/// <summary>
/// The one font every chart uses, registered with ScottPlot from its files. The SkiaSharp native library that
/// ScottPlot ships (SkiaSharp.NativeAssets.Linux.NoDependencies) has no fontconfig: a font asked for by family name
/// resolves to an empty typeface and every label silently disappears. Loading DejaVu Sans from its files makes the
/// output the same on every machine, and a machine without the font fails loudly instead of drawing blank axes.
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    // Debian/Ubuntu (fonts-dejavu-core), Fedora/RHEL (dejavu-sans-fonts), Alpine and Arch (ttf-dejavu) layouts.
    internal static readonly IReadOnlyList<string> SearchDirectories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu-sans-fonts",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts/dejavu",
    ];

    // Lazy (thread-safe by default) because ScottPlot's font registry is a process-wide list that is not safe to
    // change while another request is rendering: it is filled once, before the first chart. A failure is cached
    // too, which is right: installing the font needs a restart anyway.
    private static readonly Lazy<string> Registered = new(Register);

    /// <summary>Registers DejaVu Sans (regular and bold) on first use and styles the plot's every label with it.</summary>
    /// <exception cref="InvalidOperationException">The font files are not installed.</exception>
    public static void Apply(Plot plot) => plot.Font.Set(Registered.Value);

    /// <summary>The regular and bold DejaVu Sans files in the first of <paramref name="directories"/> that has them.</summary>
    /// <exception cref="InvalidOperationException">No directory has both files.</exception>
    internal static (string Regular, string Bold) Locate(IReadOnlyList<string> directories)
    {
        foreach (var directory in directories)
        {
            var regular = Path.Combine(directory, "DejaVuSans.ttf");
            var bold = Path.Combine(directory, "DejaVuSans-Bold.ttf");
            if (File.Exists(regular) && File.Exists(bold))
            {
                return (regular, bold);
            }
        }

        throw new InvalidOperationException(
            "Charts need the DejaVu Sans font (DejaVuSans.ttf and DejaVuSans-Bold.ttf), which was not found in "
            + string.Join(", ", directories)
            + ". Install the fonts-dejavu-core package (apt-get install fonts-dejavu-core); without a font every chart label would be blank.");
    }

    private static string Register()
    {
        var (regular, bold) = Locate(SearchDirectories);
        Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        return Family;
    }
}
