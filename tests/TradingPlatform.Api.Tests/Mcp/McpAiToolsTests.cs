using System.IdentityModel.Tokens.Jwt;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Ai;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Mcp;

/// <summary>The AI tools reach the AiService (a stand-in here) with an access token minted for the key's user, never the key.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class McpAiToolsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Forecast_sentiment_and_chat_are_asked_for_the_keys_user_with_a_minted_access_token()
    {
        await using var ai = await StandInAiService.StartAsync(app =>
        {
            app.MapPost("/api/infer/forecast/nbeats", () => Results.Ok(new { symbol = "BTC-USD", forecast = new[] { 1.0, 2.0 } }));
            app.MapGet("/api/sentiment", (HttpRequest request) => request.Query["symbol"] == "NOPE"
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["symbol"] = ["Unknown symbol 'NOPE'."] })
                : Results.Ok(new { symbol = "BTC-USD", score = 0.25 }));
            app.MapPost("/api/chat/project", () => Results.Ok(new
            {
                success = true, data = new { answer = "Orders fill at the touch.", sources = new[] { new { path = "docs/orders.md" } } },
            }));
        });
        await using var factory = await ApiFactory.StartAsync(infrastructure, overrides: [("services:ai:http:0", ai.Url)]);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Viewer);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read"]);
            await using var mcp = await factory.ConnectAsync(key);

            var forecast = await mcp.CallAsync("get_forecast", new() { ["symbol"] = "BTC-USD", ["horizon"] = 2 });
            Assert.Equal(2, forecast.GetProperty("forecast").GetArrayLength());
            var sent = Assert.Single(ai.Received, r => r.Path == "/api/infer/forecast/nbeats");
            Assert.Equal(2, JsonDocument.Parse(sent.Body).RootElement.GetProperty("horizon").GetInt32());
            Assert.StartsWith("Bearer ", sent.Authorization, StringComparison.Ordinal);
            Assert.DoesNotContain(key, sent.Authorization, StringComparison.Ordinal);
            var token = new JwtSecurityTokenHandler().ReadJwtToken(sent.Authorization["Bearer ".Length..]);
            Assert.Equal(user.Id.ToString(), token.Subject);
            Assert.InRange(token.ValidTo - DateTime.UtcNow, TimeSpan.Zero, TimeSpan.FromMinutes(16));

            Assert.Equal(0.25, (await mcp.CallAsync("get_sentiment", new() { ["symbol"] = "BTC-USD", ["window"] = "4h" })).GetProperty("score").GetDouble());
            Assert.Contains(ai.Received, r => r.Path == "/api/sentiment?symbol=BTC-USD&window=4h");
            Assert.Contains("Unknown symbol 'NOPE'", await mcp.CallFailingAsync("get_sentiment", new() { ["symbol"] = "NOPE" }), StringComparison.Ordinal);

            var answer = await mcp.CallAsync("ask_project_chat", new() { ["message"] = "How do orders fill?" });
            Assert.Equal("Orders fill at the touch.", answer.GetProperty("answer").GetString());
            Assert.Contains("How do orders fill?", Assert.Single(ai.Received, r => r.Path == "/api/chat/project").Body, StringComparison.Ordinal);
            Assert.Contains("message", await mcp.CallFailingAsync("ask_project_chat", new() { ["message"] = new string('x', 4001) }), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unreachable_ai_service_is_a_tool_error_not_a_crash()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read"]);
            await using var mcp = await factory.ConnectAsync(key);
            var error = await mcp.CallFailingAsync("get_forecast", new() { ["symbol"] = "BTC-USD" });
            Assert.Contains("SERVICE_UNAVAILABLE_ERROR", error, StringComparison.Ordinal);
        }
    }
}
