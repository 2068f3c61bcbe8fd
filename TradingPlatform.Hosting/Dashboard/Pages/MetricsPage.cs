using System.Globalization;
using System.Text;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>A resource's instruments, and the chosen one as a chart over time (one line per attribute set).</summary>
internal static class MetricsPage
{
    private const int Width = 900;
    private const int Height = 300;
    private const int Left = 70;
    private const int Bottom = 24;
    private const int MaxSeries = 8;
    private static readonly string[] Colors = ["#8ab4f8", "#6ccb5f", "#f7a35c", "#c58af9", "#4dd0e1", "#f48fb1", "#ffd54f", "#a1887f"];

    public static string Render(IReadOnlyList<string> resources, string? resource, IReadOnlyList<MetricInstrument> instruments, MetricData? metric)
    {
        var html = new StringBuilder("<h1>Metrics</h1><form class=\"filters\" method=\"get\" action=\"/metrics\">")
            .Append("<label for=\"resource\">Resource</label><select id=\"resource\" name=\"resource\" onchange=\"this.form.submit()\">")
            .Append(Html.Options([("", "Select a resource"), .. resources.Select(r => (r, r))], resource)).Append("</select>")
            .Append("<noscript><button type=\"submit\">Show</button></noscript></form>");
        if (resource is null)
        {
            return html.Append("<p class=\"muted\">Pick a resource to see its instruments.</p>").ToString();
        }

        html.Append("<div style=\"display:flex;gap:16px\"><ul id=\"instruments\" style=\"min-width:280px;list-style:none;padding:0;margin:0\">");
        foreach (var instrument in instruments.OrderBy(i => i.Scope, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            var selected = metric?.Instrument.Name == instrument.Name;
            html.Append("<li><a href=\"/metrics?resource=").Append(Html.Url(resource)).Append("&amp;instrument=").Append(Html.Url(instrument.Name)).Append('"')
                .Append(selected ? " aria-current=\"true\" style=\"font-weight:600\"" : "").Append(" title=\"").Append(Html.Attr(instrument.Scope)).Append("\">")
                .Append(Html.E(instrument.Name)).Append("</a></li>");
        }

        html.Append("</ul><div style=\"flex:1\">");
        if (metric is null)
        {
            html.Append("<p class=\"muted\">Pick an instrument.</p>");
        }
        else
        {
            Chart(html, metric);
        }

        return html.Append("</div></div>").ToString();
    }

    private static void Chart(StringBuilder html, MetricData metric)
    {
        var instrument = metric.Instrument;
        html.Append("<h2>").Append(Html.E(instrument.Name)).Append("</h2><p class=\"muted\">").Append(Html.E(instrument.Description)).Append(' ')
            .Append(instrument.Type).Append(instrument.Unit.Length > 0 ? $", unit {Html.E(instrument.Unit)}" : "")
            .Append(instrument.Type == MetricInstrumentType.Histogram ? ", plotted as the mean of each export" : "").Append("</p>");
        var series = metric.Series.Where(s => s.Points.Count > 0).Take(MaxSeries).ToList();
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            html.Append("<p class=\"muted\">No points yet.</p>");
            return;
        }

        var (t0, t1) = (points.Min(p => p.Timestamp), points.Max(p => p.Timestamp));
        var (v0, v1) = (Math.Min(0, points.Min(p => p.Value)), points.Max(p => p.Value));
        var span = Math.Max((t1 - t0).Ticks, 1);
        var range = v1 - v0 == 0 ? 1 : v1 - v0;
        html.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart\" role=\"img\" aria-label=\"{Html.Attr(instrument.Name)} over time\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\">")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" stroke=\"#3b3a39\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"12\" text-anchor=\"end\">{Html.Number(v1)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\">{Html.Number(v0)}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 6}\">{Html.ShortTime(new DateTimeOffset(t0, TimeSpan.Zero))}</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Width}\" y=\"{Height - 6}\" text-anchor=\"end\">{Html.ShortTime(new DateTimeOffset(t1, TimeSpan.Zero))}</text>");
        for (var i = 0; i < series.Count; i++)
        {
            var coordinates = series[i].Points.OrderBy(p => p.Timestamp).Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{Left + (Width - Left) * (double)(p.Timestamp - t0).Ticks / span:0.#},{(Height - Bottom) * (1 - (p.Value - v0) / range):0.#}"));
            html.Append("<polyline class=\"series\" fill=\"none\" stroke-width=\"1.8\" stroke=\"").Append(Colors[i % Colors.Length])
                .Append("\" points=\"").Append(string.Join(' ', coordinates)).Append("\"/>");
        }

        html.Append("</svg><ul class=\"legend\" style=\"list-style:none;padding:0\">");
        for (var i = 0; i < series.Count; i++)
        {
            var last = series[i].Points.MaxBy(p => p.Timestamp)!;
            html.Append("<li><span style=\"color:").Append(Colors[i % Colors.Length]).Append("\">■</span> ")
                .Append(Html.E(series[i].Label.Length > 0 ? series[i].Label : "(no attributes)")).Append(": <span class=\"mono\">").Append(Html.Number(last.Value)).Append("</span></li>");
        }

        html.Append("</ul>");
        if (metric.Series.Count > MaxSeries)
        {
            html.Append("<p class=\"muted\">").Append(metric.Series.Count - MaxSeries).Append(" more attribute sets not drawn.</p>");
        }
    }
}
