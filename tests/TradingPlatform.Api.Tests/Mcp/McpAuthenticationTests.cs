using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Mcp;

/// <summary>/mcp refuses every request without a valid credential with a 401 in the error envelope, before MCP runs.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class McpAuthenticationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task No_token_an_unknown_key_a_malformed_key_and_a_forged_jwt_are_401()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var user = await factory.CreateUserAsync(Roles.Trader);
        var forged = TokenForger.Forge(user, TokenForger.Hmac(new string('x', 64)), DateTimeOffset.UtcNow);
        string?[] bearers = [null, "tp_" + new string('A', 43), "tp_short", forged, TokenForger.Tamper(await factory.MintTokenAsync(user))];
        foreach (var bearer in bearers)
        {
            using var response = await factory.PostRawAsync(bearer);
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_its_next_request()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, id) = await client.CreateApiKeyAsync(["read"]);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await client.GetDataAsync("/api/api-keys"))[0].GetProperty("lastUsedAt").ValueKind);
            await using (var mcp = await factory.ConnectAsync(key))
            {
                Assert.Contains("whoami", await mcp.ToolNamesAsync());
            }

            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await client.GetDataAsync("/api/api-keys"))[0].GetProperty("lastUsedAt").ValueKind);
            using (await client.DeleteAsync($"/api/api-keys/{id}"))
            {
            }

            using var response = await factory.PostRawAsync(key);
            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.Contains("revoked", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<Exception>(async () => await factory.ConnectAsync(key));
        }
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = await ApiFactory.StartAsync(infrastructure, time);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read"], expiresAt: time.GetUtcNow().AddHours(1));
            await using (var mcp = await factory.ConnectAsync(key))
            {
                Assert.Contains("whoami", await mcp.ToolNamesAsync());
            }

            time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
            using var response = await factory.PostRawAsync(key);
            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.Contains("expired", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            using var fresh = await factory.CreateClientAsync(user);
            Assert.Equal("expired", (await fresh.GetDataAsync("/api/api-keys"))[0].GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_deactivated_users_key_is_refused()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read"]);
            using (var before = await factory.PostRawAsync(key))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                var entity = await db.Users.SingleAsync(u => u.Id == new UserId(user.Id));
                entity.IsActive = false;
                await db.SaveChangesAsync();
            }

            using var response = await factory.PostRawAsync(key);
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }
    }

    [Fact]
    public async Task The_users_own_access_token_connects_and_whoami_says_so()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var user = await factory.CreateUserAsync(Roles.Trader);
        await using var mcp = await factory.ConnectAsync(await factory.MintTokenAsync(user));
        var me = await mcp.CallAsync("whoami");
        Assert.Equal(user.Id, me.GetProperty("userId").GetGuid());
        Assert.Equal("access_token", me.GetProperty("authenticatedWith").GetString());
        Assert.Equal(["read", "trade", "backtest"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_agents_requests_count_against_its_users_rate_limit()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure, null, ("RateLimiting:Enabled", "true"), ("RateLimiting:PerUser", "5"));
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read"]);
            for (var i = 0; i < 4; i++)
            {
                using var allowed = await factory.PostRawAsync(key);
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }

            using var limited = await factory.PostRawAsync(key);
            await ApiJson.AssertErrorEnvelopeAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMIT_ERROR");
        }
    }
}
