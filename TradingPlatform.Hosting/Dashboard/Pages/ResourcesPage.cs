using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingPlatform.Hosting.ApplicationModel;
using TradingPlatform.Hosting.Orchestration;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>Every resource with its state, health, start, source, URLs and process; a details pane; its commands.</summary>
internal static class ResourcesPage
{
    public static string Render(
        IReadOnlyCollection<ResourceSnapshot> snapshots,
        DistributedApplicationModel model,
        Func<ResourceSnapshot, IReadOnlyList<string>> commandsFor,
        string? selected,
        IReadOnlyList<ServiceHealthCheck>? checks,
        string? message,
        bool messageIsError)
    {
        var html = new StringBuilder("<h1>Resources</h1>");
        if (message is not null)
        {
            html.Append("<div class=\"message").Append(messageIsError ? " error" : "").Append("\" role=\"status\">").Append(Html.E(message)).Append("</div>");
        }

        html.Append("<table id=\"resources\"><thead><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Start time</th>")
            .Append("<th>Source</th><th>URLs</th><th>PID</th><th>Actions</th></tr></thead><tbody>");
        foreach (var s in snapshots)
        {
            var isSelected = string.Equals(s.Name, selected, StringComparison.Ordinal);
            html.Append("<tr data-resource=\"").Append(Html.Attr(s.Name)).Append('"').Append(isSelected ? " class=\"selected\"" : "").Append('>')
                .Append("<td><a href=\"/resources?resource=").Append(Html.Url(s.Name)).Append("\">").Append(Html.E(s.Name)).Append("</a></td>")
                .Append("<td>").Append(Html.E(s.ResourceType)).Append(s.IsExternal ? " <span class=\"badge\">external</span>" : "").Append("</td>")
                .Append("<td class=\"state-cell\"><span class=\"state ").Append(s.State).Append("\"><span class=\"dot\"></span>").Append(s.State).Append("</span></td>")
                .Append("<td class=\"health-cell\">").Append(Health(s)).Append("</td>")
                .Append("<td>").Append(Html.Time(s.StartedAt)).Append("</td>")
                .Append("<td class=\"mono\">").Append(Html.E(s.Source)).Append("</td><td>");
            foreach (var url in s.Urls)
            {
                html.Append("<a href=\"").Append(Html.Attr(url)).Append("\" target=\"_blank\" rel=\"noopener\">").Append(Html.E(url)).Append("</a><br>");
            }

            html.Append("</td><td class=\"mono\">").Append(s.ProcessId).Append("</td><td>");
            foreach (var command in commandsFor(s))
            {
                html.Append("<form class=\"inline\" method=\"post\" action=\"/resources/").Append(Html.Url(s.Name)).Append("/commands/").Append(command)
                    .Append("\"><button type=\"submit\" data-command=\"").Append(command).Append("\" aria-label=\"").Append(Label(command)).Append(' ')
                    .Append(Html.Attr(s.Name)).Append("\">").Append(Label(command)).Append("</button></form> ");
            }

            html.Append("<a href=\"/console?resource=").Append(Html.Url(s.Name)).Append("\">Console</a></td></tr>");
        }

        html.Append("</tbody></table>");
        if (selected is not null && snapshots.FirstOrDefault(s => s.Name == selected) is { } details)
        {
            Details(html, details, model.Find(details.Name), checks);
        }

        return html.ToString();
    }

    private static string Health(ResourceSnapshot s)
    {
        if (s.Health is not { } health)
        {
            return "<span class=\"muted\">—</span>";
        }

        var reason = s.HealthReason is { } r ? $" <span class=\"muted\">{Html.E(r)}</span>" : "";
        return $"<span class=\"state {health}\"><span class=\"dot\"></span>{health}</span>{reason}";
    }

    private static string Label(string command) => command switch
    {
        "start" => "Start",
        "stop" => "Stop",
        _ => "Restart",
    };

    private static void Details(StringBuilder html, ResourceSnapshot s, IResource? resource, IReadOnlyList<ServiceHealthCheck>? checks)
    {
        html.Append("<section class=\"panel\" id=\"details\"><h2>").Append(Html.E(s.Name)).Append("</h2><table><tbody>")
            .Append("<tr><th>State</th><td>").Append(s.State).Append(s.ExitCode is { } code ? $" (exit code {code})" : "").Append("</td></tr>")
            .Append("<tr><th>Health</th><td>").Append(Health(s)).Append("</td></tr>")
            .Append("<tr><th>Restarts</th><td>").Append(s.Restarts).Append("</td></tr>")
            .Append("<tr><th>Source</th><td class=\"mono\">").Append(Html.E(s.Source)).Append("</td></tr>");
        if (resource is Resource modelResource)
        {
            html.Append("<tr><th>References</th><td>").Append(Html.E(string.Join(", ", modelResource.References.Select(r => r.Name)))).Append("</td></tr>")
                .Append("<tr><th>Waits for</th><td>").Append(Html.E(string.Join(", ", modelResource.WaitsFor.Select(r => r.Name)))).Append("</td></tr>");
        }

        html.Append("</tbody></table><h2>Health reports</h2><table id=\"health-reports\"><tbody><tr><th>").Append(Html.E(s.Name)).Append("</th><td>")
            .Append(s.Health is HealthStatus.Healthy ? "Healthy" : Html.E(s.HealthReason ?? s.Health?.ToString() ?? "not checked yet"))
            .Append("</td></tr>");
        foreach (var check in checks ?? [])
        {
            html.Append("<tr class=\"health-check\"><td>").Append(Html.E(check.Name)).Append("</td><td><span class=\"state ").Append(Html.Attr(check.Status))
                .Append("\"><span class=\"dot\"></span>").Append(Html.E(check.Status)).Append("</span> <span class=\"muted\">")
                .Append(Html.E(check.Description)).Append("</span></td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<h2>Environment</h2><table class=\"mono\" id=\"environment\"><tbody>");
        foreach (var (name, value) in s.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(Html.E(name)).Append("</td><td>").Append(Html.E(SecretMasker.MaskValue(name, value))).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }
}
