using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Identity.ApiKeys;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Mcp;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class ApiKeysApiTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_key_is_shown_once_stored_as_a_hash_listed_without_its_secret_and_revoked_with_audit_entries()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, id) = await client.CreateApiKeyAsync(["read", "trade"], name: "my agent");
            Assert.StartsWith("tp_", key, StringComparison.Ordinal);
            Assert.Equal(46, key.Length);

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
                Assert.Equal(ApiKeySecret.Hash(key), stored.SecretHash);
                Assert.Equal(key[..12], stored.Prefix);
                Assert.DoesNotContain(key, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
            }

            using (var listed = await client.GetAsync("/api/api-keys"))
            {
                var body = await listed.Content.ReadAsStringAsync();
                Assert.DoesNotContain(key, body, StringComparison.Ordinal);
                var data = await listed.ReadDataAsync();
                var entry = Assert.Single(data.EnumerateArray());
                Assert.Equal(id, entry.GetProperty("id").GetGuid());
                Assert.Equal("my agent", entry.GetProperty("name").GetString());
                Assert.Equal("active", entry.GetProperty("status").GetString());
                Assert.Equal(["read", "trade"], entry.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
                Assert.Equal(key[..12], entry.GetProperty("prefix").GetString());
            }

            using (var revoked = await client.DeleteAsync($"/api/api-keys/{id}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            }

            var after = await client.GetDataAsync("/api/api-keys");
            Assert.Equal("revoked", Assert.Single(after.EnumerateArray()).GetProperty("status").GetString());

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
                var events = await db.AuditLog.AsNoTracking().Where(e => e.UserId == user.Id).Select(e => e.Event).ToListAsync();
                Assert.Contains(ApiKeyAuditEvents.Created, events);
                Assert.Contains(ApiKeyAuditEvents.Revoked, events);
            }
        }
    }

    [Fact]
    public async Task Another_users_key_is_not_found_for_revocation_nor_listed()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, owner) = await factory.CreateUserWithClientAsync(Roles.Trader);
        var (_, other) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (owner)
        using (other)
        {
            var (_, id) = await owner.CreateApiKeyAsync(["read"]);

            using (var denied = await other.DeleteAsync($"/api/api-keys/{id}"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(denied, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            }

            Assert.Empty((await other.GetDataAsync("/api/api-keys")).EnumerateArray());
            var mine = await owner.GetDataAsync("/api/api-keys");
            Assert.Equal("active", Assert.Single(mine.EnumerateArray()).GetProperty("status").GetString());

            using var unknown = await owner.DeleteAsync($"/api/api-keys/{Guid.NewGuid()}");
            await ApiJson.AssertErrorEnvelopeAsync(unknown, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        }
    }

    [Theory]
    [InlineData("""{"name":"a","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"a","scopes":["read","admin"]}""", "scopes")]
    [InlineData("""{"name":"","scopes":["read"]}""", "name")]
    [InlineData("""{"name":"   ","scopes":["read"]}""", "name")]
    [InlineData("""{"scopes":["read"]}""", "name")]
    [InlineData("""{"name":"a"}""", "scopes")]
    [InlineData("""{"name":"a","scopes":["read"],"expiresAt":"2000-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"name":"a","scopes":["read"],"expiresAt":"2999-01-01T00:00:00Z"}""", "expiresAt")]
    public async Task Bad_requests_are_422_with_the_field(string body, string field)
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            using var response = await client.PostAsync("/api/api-keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty(field, out _), $"No detail for {field}: {error}");
        }
    }

    [Fact]
    public async Task A_viewer_may_create_read_keys_only()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, viewer) = await factory.CreateUserWithClientAsync(Roles.Viewer);
        using (viewer)
        {
            using var refused = await viewer.PostAsJsonAsync("/api/api-keys", new { name = "x", scopes = new[] { "read", "trade" } });
            await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            var (key, _) = await viewer.CreateApiKeyAsync(["read"]);
            Assert.StartsWith("tp_", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_number_of_active_keys_is_limited_and_revoking_one_frees_a_place()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure, null, ("ApiKeys:MaxActivePerUser", "2"));
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (_, first) = await client.CreateApiKeyAsync(["read"]);
            await client.CreateApiKeyAsync(["read"]);
            using (var third = await client.PostAsJsonAsync("/api/api-keys", new { name = "third", scopes = new[] { "read" } }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(third, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            }

            using (await client.DeleteAsync($"/api/api-keys/{first}"))
            {
            }

            await client.CreateApiKeyAsync(["read"]);
            Assert.Equal(3, (await client.GetDataAsync("/api/api-keys")).GetArrayLength());
        }
    }

    [Fact]
    public async Task An_api_key_cannot_manage_keys_nor_call_the_rest_api()
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Trader);
        using (client)
        {
            var (key, _) = await client.CreateApiKeyAsync(["read", "trade"]);
            using var withKey = factory.CreateClient(key);
            using (var keys = await withKey.GetAsync("/api/api-keys"))
            {
                await ApiJson.AssertErrorEnvelopeAsync(keys, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            }

            using var accounts = await withKey.GetAsync("/api/accounts");
            await ApiJson.AssertErrorEnvelopeAsync(accounts, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }
    }
}
