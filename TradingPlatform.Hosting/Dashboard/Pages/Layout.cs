using System.Text;
using Microsoft.AspNetCore.Http;

namespace TradingPlatform.Hosting.Dashboard.Pages;

/// <summary>
/// The page shell: navigation, styles and the small script that keeps pages live. A live page re-fetches itself every
/// two seconds with <c>X-Partial: 1</c> and swaps its <c>main</c> (the server renders only that part then), so every
/// page is plain server-rendered HTML that works without the script too.
/// </summary>
internal static class Layout
{
    public const string PartialHeader = "X-Partial";

    private static readonly (string Path, string Title)[] Navigation =
    [
        ("/resources", "Resources"),
        ("/console", "Console"),
        ("/structuredlogs", "Structured logs"),
        ("/traces", "Traces"),
        ("/metrics", "Metrics"),
    ];

    public static IResult Page(HttpContext context, string title, string activePath, string main, bool live = true)
    {
        if (context.Request.Headers[PartialHeader] == "1")
        {
            return Results.Content(main, "text/html; charset=utf-8");
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(Html.E(title)).Append(" · TradingPlatform</title><style>").Append(Styles).Append("</style></head><body>");
        html.Append("<header><span class=\"brand\">TradingPlatform</span><nav>");
        foreach (var (path, label) in Navigation)
        {
            html.Append("<a href=\"").Append(path).Append('"').Append(path == activePath ? " class=\"active\" aria-current=\"page\"" : "")
                .Append('>').Append(Html.E(label)).Append("</a>");
        }

        html.Append("</nav><form method=\"post\" action=\"/logout\"><button type=\"submit\" class=\"link\">Log out</button></form></header>");
        html.Append("<main id=\"main\"").Append(live ? " data-live=\"1\"" : "").Append('>').Append(main).Append("</main>");
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private const string Styles = """
        :root{color-scheme:dark;--bg:#1b1a19;--panel:#252423;--line:#3b3a39;--text:#f3f2f1;--muted:#a19f9d;--accent:#8ab4f8;--ok:#6ccb5f;--warn:#fce100;--err:#ff6b6b}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 "Segoe UI",system-ui,sans-serif;background:var(--bg);color:var(--text)}
        header{display:flex;gap:24px;align-items:center;padding:10px 20px;background:var(--panel);border-bottom:1px solid var(--line)}
        .brand{font-weight:600}nav{display:flex;gap:4px;flex:1}nav a{color:var(--muted);text-decoration:none;padding:6px 12px;border-radius:4px}
        nav a.active,nav a:hover{color:var(--text);background:#323130}main{padding:16px 20px}
        h1{font-size:20px;font-weight:600;margin:0 0 12px}h2{font-size:16px;margin:18px 0 8px}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
        th{color:var(--muted);font-weight:600}tr.selected td{background:#2d2c2b}a{color:var(--accent)}
        .state{display:inline-flex;align-items:center;gap:6px}.dot{width:9px;height:9px;border-radius:50%;background:var(--muted)}
        .Running .dot,.Healthy .dot{background:var(--ok)}.Starting .dot,.Waiting .dot,.Stopping .dot,.Degraded .dot{background:var(--warn)}
        .Exited .dot,.FailedToStart .dot,.Unhealthy .dot{background:var(--err)}
        .muted{color:var(--muted)}.mono,pre{font-family:ui-monospace,"Cascadia Mono",Consolas,monospace;font-size:12.5px}
        button,select,input{font:inherit;color:var(--text);background:#323130;border:1px solid var(--line);border-radius:4px;padding:4px 10px}
        button:hover{background:#3b3a39}button.link{background:none;border:none;color:var(--accent);cursor:pointer}
        form.inline{display:inline}.filters{display:flex;gap:8px;align-items:center;margin-bottom:12px;flex-wrap:wrap}
        .panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin-top:16px}
        .console{background:#0c0c0c;border:1px solid var(--line);border-radius:6px;padding:8px 12px;height:70vh;overflow:auto;white-space:pre-wrap;margin:0}
        .console .err{color:var(--err)}.level-Error,.level-Critical{color:var(--err)}.level-Warning{color:var(--warn)}
        .error-row td{background:#3a1f1f}.badge{display:inline-block;padding:0 6px;border-radius:8px;background:#323130;margin-right:4px;font-size:12px}
        .wf{position:relative;height:18px;background:#1f1e1d;border-radius:3px}.wf span{position:absolute;top:2px;height:14px;border-radius:3px;min-width:2px}
        .message{padding:8px 12px;border-radius:4px;background:#323130;margin-bottom:12px}.message.error{background:#4a2020}
        svg text{fill:var(--muted);font-size:11px}details summary{cursor:pointer}
        """;

    private const string Script = """
        (() => {
          const main = document.getElementById('main');
          if (!main || !main.dataset.live) return;
          const stickToBottom = () => { const c = main.querySelector('.console'); if (c && c.dataset.follow !== '0') c.scrollTop = c.scrollHeight; };
          stickToBottom();
          main.addEventListener('scroll', e => { if (e.target.classList && e.target.classList.contains('console')) {
            const c = e.target; c.dataset.follow = (c.scrollHeight - c.scrollTop - c.clientHeight < 40) ? '1' : '0'; } }, true);
          setInterval(async () => {
            if (document.hidden || String(window.getSelection()) || main.querySelector('details[open]') || document.activeElement?.closest?.('#main form')) return;
            try {
              const response = await fetch(location.href, { headers: { 'X-Partial': '1' }, credentials: 'same-origin' });
              if (response.redirected || response.status === 401) { location.reload(); return; }
              if (!response.ok) return;
              const follow = main.querySelector('.console')?.dataset.follow;
              main.innerHTML = await response.text();
              const c = main.querySelector('.console'); if (c && follow) c.dataset.follow = follow;
              stickToBottom();
            } catch { }
          }, 2000);
        })();
        """;
}
