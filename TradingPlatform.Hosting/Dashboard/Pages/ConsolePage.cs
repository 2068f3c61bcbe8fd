using System.Text;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>A resource's console (stdout, and stderr in red), from the AppHost's bounded buffer, following new lines.</summary>
internal static class ConsolePage
{
    public static string Render(IReadOnlyList<string> resources, string? selected, IReadOnlyList<ConsoleLine> lines)
    {
        var html = new StringBuilder("<h1>Console logs</h1><form class=\"filters\" method=\"get\" action=\"/console\">")
            .Append("<label for=\"resource\">Resource</label><select id=\"resource\" name=\"resource\" onchange=\"this.form.submit()\">")
            .Append(Html.Options([("", "Select a resource"), .. resources.Select(r => (r, r))], selected))
            .Append("</select><noscript><button type=\"submit\">Show</button></noscript>");
        if (selected is not null)
        {
            html.Append("<span class=\"muted\">").Append(lines.Count).Append(" lines kept</span>");
        }

        html.Append("</form>");
        if (selected is null)
        {
            return html.Append("<p class=\"muted\">Pick a resource to see its output.</p>").ToString();
        }

        html.Append("<pre class=\"console\" id=\"console\" data-resource=\"").Append(Html.Attr(selected)).Append("\">");
        foreach (var line in lines)
        {
            html.Append("<span class=\"line").Append(line.IsError ? " err" : "").Append("\"><span class=\"muted\">").Append(Html.ShortTime(line.Time))
                .Append("</span> ").Append(Html.E(line.Text)).Append("</span>\n");
        }

        return html.Append("</pre>").ToString();
    }
}
