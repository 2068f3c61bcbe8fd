namespace TradingPlatform.Hosting.Dashboard.Pages;

internal static class LoginPage
{
    public static string Render(string? returnUrl, string? error) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Log in · TradingPlatform</title>
        <style>body{font:14px system-ui,sans-serif;background:#1b1a19;color:#f3f2f1;display:grid;place-items:center;height:100vh;margin:0}
        form{background:#252423;border:1px solid #3b3a39;border-radius:8px;padding:24px;width:420px}input{width:100%;padding:6px;margin:8px 0 12px;background:#323130;color:#f3f2f1;border:1px solid #3b3a39;border-radius:4px}
        button{padding:6px 16px}.error{color:#ff6b6b}</style></head><body>
        <form method="post" action="/login"><h1>TradingPlatform dashboard</h1>
        <p>Enter the token from the login URL the AppHost printed at start (<code>/login?t=…</code>).</p>
        {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}}
        <label for="token">Token</label><input id="token" name="token" type="password" autocomplete="off" autofocus>
        <input type="hidden" name="returnUrl" value="{{Html.Attr(returnUrl)}}"><button type="submit">Log in</button></form></body></html>
        """;
}
