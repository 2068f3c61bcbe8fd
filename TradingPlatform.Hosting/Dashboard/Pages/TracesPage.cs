using System.Text;
using TradingPlatform.Hosting.Telemetry;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>Traces, newest first, with their duration, span count, the resources they crossed and whether one failed.</summary>
internal static class TracesPage
{
    public static string Render(IReadOnlyList<string> resources, TraceQuery query, IReadOnlyList<TraceSummary> traces)
    {
        var html = new StringBuilder("<h1>Traces</h1><form class=\"filters\" method=\"get\" action=\"/traces\">")
            .Append("<label for=\"resource\">Resource</label><select id=\"resource\" name=\"resource\">")
            .Append(Html.Options([("", "All"), .. resources.Select(r => (r, r))], query.Resource)).Append("</select>")
            .Append("<input id=\"text\" name=\"q\" type=\"search\" placeholder=\"Span name\" value=\"").Append(Html.Attr(query.Text)).Append("\">")
            .Append("<label><input type=\"checkbox\" name=\"errors\" value=\"true\"").Append(query.ErrorsOnly ? " checked" : "").Append("> Errors only</label>")
            .Append("<button type=\"submit\">Filter</button></form>")
            .Append("<table id=\"traces\"><thead><tr><th>Time</th><th>Name</th><th>Resources</th><th>Spans</th><th>Duration</th></tr></thead><tbody>");
        foreach (var trace in traces)
        {
            html.Append("<tr class=\"trace").Append(trace.HasError ? " error-row" : "").Append("\" data-trace-id=\"").Append(Html.Attr(trace.TraceId))
                .Append("\" data-resources=\"").Append(Html.Attr(string.Join(' ', trace.Resources))).Append("\"><td class=\"mono\">")
                .Append(Html.Time(new DateTimeOffset(trace.Start, TimeSpan.Zero))).Append("</td><td><a href=\"/traces/").Append(Html.Url(trace.TraceId)).Append("\">")
                .Append(Html.E(trace.RootResource)).Append(": ").Append(Html.E(trace.RootName)).Append("</a>").Append(trace.HasError ? " <span class=\"badge level-Error\">error</span>" : "")
                .Append("</td><td>");
            foreach (var resource in trace.Resources)
            {
                html.Append("<span class=\"badge\">").Append(Html.E(resource)).Append("</span>");
            }

            html.Append("</td><td>").Append(trace.SpanCount).Append("</td><td>").Append(Html.Duration(trace.Duration)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
