using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace TradingPlatform.Api.Mcp;

/// <summary>Forecasts, news sentiment and the project chat, answered by the AiService for the caller (see <see cref="McpAiClient"/>).</summary>
[McpServerToolType]
[Authorize(Policy = McpPolicies.Read)]
internal sealed class McpAiTools(McpAiClient ai)
{
    /// <summary>The project chat's own bound (the AiService refuses longer messages too).</summary>
    public const int MaxMessageLength = 4000;

    [McpServerTool(Name = "get_forecast", Title = "Forecast", ReadOnly = true, OpenWorld = false)]
    [Description("A price forecast for a symbol from its active N-BEATS model, with calibrated intervals.")]
    public Task<JsonElement> GetForecastAsync(
        ClaimsPrincipal user,
        [Description("The symbol, e.g. BTC-USD.")] string symbol,
        [Description("The bar interval of the model, e.g. 1h (the model's default when omitted).")] string? interval = null,
        [Description("How many steps ahead (the model's horizon when omitted, at most that).")] int? horizon = null,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(() =>
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw McpToolErrors.Invalid("symbol", "symbol is required.");
        }

        return ai.SendAsync(user, HttpMethod.Post, "/api/infer/forecast/nbeats", new { symbol = symbol.Trim(), interval, horizon }, cancellationToken);
    });

    [McpServerTool(Name = "get_sentiment", Title = "News sentiment", ReadOnly = true, OpenWorld = false)]
    [Description("A symbol's time-decayed news sentiment (-1 to 1) over a window and its latest scored news items.")]
    public Task<JsonElement> GetSentimentAsync(
        ClaimsPrincipal user,
        [Description("The symbol, e.g. BTC-USD.")] string symbol,
        [Description("The window: 1h, 4h, 1d, 7d … (the service's default when omitted).")] string? window = null,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(() =>
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw McpToolErrors.Invalid("symbol", "symbol is required.");
        }

        var query = $"?symbol={Uri.EscapeDataString(symbol.Trim())}" + (window is { Length: > 0 } w ? $"&window={Uri.EscapeDataString(w)}" : "");
        return ai.SendAsync(user, HttpMethod.Get, "/api/sentiment" + query, null, cancellationToken);
    });

    [McpServerTool(Name = "ask_project_chat", Title = "Ask the platform's assistant", ReadOnly = true, OpenWorld = false)]
    [Description("Asks the platform's documentation assistant a question (how orders, backtests, risk settings, the API … work); the answer cites the documentation sections it comes from.")]
    public Task<JsonElement> AskProjectChatAsync(
        ClaimsPrincipal user,
        [Description("The question.")] string message,
        CancellationToken cancellationToken = default) => McpToolErrors.GuardAsync(() =>
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw McpToolErrors.Invalid("message", "message must not be empty.");
        }

        if (message.Length > MaxMessageLength)
        {
            throw McpToolErrors.Invalid("message", $"message may be at most {MaxMessageLength} characters.");
        }

        return ai.SendAsync(user, HttpMethod.Post, "/api/chat/project", new { message }, cancellationToken);
    });
}
