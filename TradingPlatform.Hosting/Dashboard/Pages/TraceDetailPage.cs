using System.Globalization;
using System.Text;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>One trace as a waterfall across services: each span indented under its parent, a bar where it ran, errors red.</summary>
internal static class TraceDetailPage
{
    private static readonly string[] Colors = ["#8ab4f8", "#6ccb5f", "#f7a35c", "#c58af9", "#4dd0e1", "#f48fb1", "#ffd54f"];

    public static string Render(string traceId, IReadOnlyList<TelemetrySpan> spans)
    {
        var html = new StringBuilder("<h1>Trace <span class=\"mono\">").Append(Html.E(traceId)).Append("</span></h1>");
        if (spans.Count == 0)
        {
            return html.Append("<p class=\"muted\">No spans of this trace are kept (it is unknown, or older than what the dashboard keeps).</p>").ToString();
        }

        var start = spans.Min(s => s.Start);
        var total = Math.Max((spans.Max(s => s.End) - start).Ticks, 1);
        var resources = spans.Select(s => s.Resource).Distinct(StringComparer.Ordinal).ToList();
        html.Append("<p><a href=\"/structuredlogs?traceId=").Append(Html.Url(traceId)).Append("\">Logs of this trace</a> · ").Append(spans.Count)
            .Append(" spans · ").Append(Html.Duration(TimeSpan.FromTicks(total))).Append(" · ");
        foreach (var resource in resources)
        {
            html.Append("<span class=\"badge\" style=\"border-left:8px solid ").Append(Color(resources, resource)).Append("\">").Append(Html.E(resource)).Append("</span>");
        }

        html.Append("</p><table id=\"waterfall\"><thead><tr><th style=\"width:38%\">Span</th><th>Timeline</th><th style=\"width:90px\">Duration</th></tr></thead><tbody>");
        foreach (var (span, depth) in Ordered(spans))
        {
            var left = (span.Start - start).Ticks * 100.0 / total;
            var width = Math.Max(span.Duration.Ticks * 100.0 / total, 0.3);
            var error = span.Status == TelemetrySpanStatus.Error;
            html.Append("<tr class=\"span").Append(error ? " error-row" : "").Append("\" data-resource=\"").Append(Html.Attr(span.Resource))
                .Append("\" data-span-id=\"").Append(Html.Attr(span.SpanId)).Append("\"><td style=\"padding-left:").Append(8 + depth * 16).Append("px\"><details><summary>")
                .Append("<span class=\"badge\">").Append(Html.E(span.Resource)).Append("</span>").Append(Html.E(span.Name)).Append(error ? " <span class=\"level-Error\">error</span>" : "")
                .Append("</summary><table class=\"mono\"><tbody>")
                .Append("<tr><td>Kind</td><td>").Append(span.Kind).Append("</td></tr><tr><td>Status</td><td>").Append(span.Status)
                .Append(span.StatusMessage.Length > 0 ? $": {Html.E(span.StatusMessage)}" : "").Append("</td></tr>")
                .Append("<tr><td>Scope</td><td>").Append(Html.E(span.Scope)).Append("</td></tr><tr><td>Span id</td><td>").Append(Html.E(span.SpanId)).Append("</td></tr>");
            foreach (var attribute in span.Attributes)
            {
                html.Append("<tr><td>").Append(Html.E(attribute.Key)).Append("</td><td>").Append(Html.E(attribute.Value)).Append("</td></tr>");
            }

            foreach (var spanEvent in span.Events)
            {
                html.Append("<tr><td>event</td><td>").Append(Html.E(spanEvent.Name)).Append(' ')
                    .Append(Html.E(string.Join(", ", spanEvent.Attributes))).Append("</td></tr>");
            }

            html.Append("</tbody></table></details></td><td><div class=\"wf\"><span style=\"left:").Append(Percent(left)).Append("%;width:")
                .Append(Percent(Math.Min(width, 100 - left))).Append("%;background:").Append(error ? "var(--err)" : Color(resources, span.Resource))
                .Append("\"></span></div></td><td>").Append(Html.Duration(span.Duration)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Depth-first from the roots (and from spans whose parent is not kept), children by start time.</summary>
    private static IEnumerable<(TelemetrySpan Span, int Depth)> Ordered(IReadOnlyList<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => !s.IsRoot && ids.Contains(s.ParentSpanId)).ToLookup(s => s.ParentSpanId, StringComparer.Ordinal);
        var stack = new Stack<(TelemetrySpan, int)>(spans.Where(s => s.IsRoot || !ids.Contains(s.ParentSpanId)).OrderByDescending(s => s.Start).Select(s => (s, 0)));
        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();
            yield return (span, depth);
            foreach (var child in children[span.SpanId].OrderByDescending(s => s.Start))
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private static string Color(List<string> resources, string resource) => Colors[resources.IndexOf(resource) % Colors.Length];

    private static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
