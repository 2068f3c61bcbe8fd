using System.Globalization;
using System.Text.Encodings.Web;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>Encoding and formatting shared by the server-rendered pages. Everything shown is encoded here.</summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Attr(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Url(string? text) => Uri.EscapeDataString(text ?? "");

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) : "";

    public static string ShortTime(DateTimeOffset time) => time.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMicroseconds:0} µs"),
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.##} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s"),
    };

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A select's options; the current value selected.</summary>
    public static string Options(IEnumerable<(string Value, string Label)> options, string? selected) =>
        string.Concat(options.Select(o =>
            $"<option value=\"{Attr(o.Value)}\"{(string.Equals(o.Value, selected, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(o.Label)}</option>"));
}
