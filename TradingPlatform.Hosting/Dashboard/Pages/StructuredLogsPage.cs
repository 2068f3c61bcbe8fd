using System.Text;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>Structured logs from every service, filtered by resource, level and text; each with its attributes and trace.</summary>
internal static class StructuredLogsPage
{
    private static readonly LogLevel[] Levels = [LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical];

    public static string Render(IReadOnlyList<string> resources, LogQuery query, IReadOnlyList<TelemetryLogEntry> entries)
    {
        var html = new StringBuilder("<h1>Structured logs</h1><form class=\"filters\" method=\"get\" action=\"/structuredlogs\">")
            .Append("<label for=\"resource\">Resource</label><select id=\"resource\" name=\"resource\">")
            .Append(Html.Options([("", "All"), .. resources.Select(r => (r, r))], query.Resource)).Append("</select>")
            .Append("<label for=\"level\">Level</label><select id=\"level\" name=\"level\">")
            .Append(Html.Options([("", "All"), .. Levels.Select(l => (l.ToString(), l.ToString()))], query.MinimumLevel?.ToString())).Append("</select>")
            .Append("<input id=\"text\" name=\"q\" type=\"search\" placeholder=\"Filter text\" value=\"").Append(Html.Attr(query.Text)).Append("\">");
        if (query.TraceId is { } traceId)
        {
            html.Append("<input type=\"hidden\" name=\"traceId\" value=\"").Append(Html.Attr(traceId)).Append("\"><span class=\"badge\">trace ")
                .Append(Html.E(traceId)).Append("</span>");
        }

        html.Append("<button type=\"submit\">Filter</button><span class=\"muted\">").Append(entries.Count).Append(" newest shown</span></form>")
            .Append("<table id=\"logs\"><thead><tr><th>Time</th><th>Resource</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead><tbody>");
        foreach (var entry in entries)
        {
            html.Append("<tr class=\"log-entry\" data-resource=\"").Append(Html.Attr(entry.Resource)).Append("\"><td class=\"mono\">")
                .Append(Html.Time(new DateTimeOffset(entry.Timestamp, TimeSpan.Zero))).Append("</td><td>").Append(Html.E(entry.Resource))
                .Append("</td><td class=\"level-").Append(entry.Level).Append("\">").Append(entry.Level).Append("</td><td><details><summary>")
                .Append(Html.E(entry.Message)).Append("</summary><table class=\"mono\"><tbody>")
                .Append("<tr><td>Category</td><td>").Append(Html.E(entry.Category)).Append("</td></tr>")
                .Append("<tr><td>Instance</td><td>").Append(Html.E(entry.InstanceId)).Append("</td></tr>");
            foreach (var attribute in entry.Attributes)
            {
                html.Append("<tr><td>").Append(Html.E(attribute.Key)).Append("</td><td>").Append(Html.E(attribute.Value)).Append("</td></tr>");
            }

            html.Append("</tbody></table></details></td><td>");
            if (entry.TraceId.Length > 0)
            {
                html.Append("<a class=\"trace-link\" href=\"/traces/").Append(Html.Url(entry.TraceId)).Append("\">").Append(Html.E(entry.TraceId[..8])).Append("</a>");
            }

            html.Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
