using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Identity;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class AuthorizationTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string, string, string> AdminEndpoints()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var role in new[] { "viewer", "trader" })
        {
            data.Add(role, "GET", "/api/admin/users");
            data.Add(role, "GET", "/api/admin/audit");
            data.Add(role, "PUT", "/api/admin/users/{id}/role");
            data.Add(role, "POST", "/api/admin/users/{id}/deactivate");
            data.Add(role, "POST", "/api/admin/users/{id}/reactivate");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Non_admins_get_403_on_admin_endpoints(string role, string method, string path)
    {
        var (user, client) = await _factory.CreateUserWithClientAsync(role);
        using (client)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", user.Id.ToString(), StringComparison.Ordinal))
            {
                Content = method == "PUT" ? System.Net.Http.Json.JsonContent.Create(new { role = "admin" }) : null,
            };
            using var response = await client.SendAsync(request);
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
        }

        // The refusal changed nothing: the user is still what they were.
        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var check = await admin.GetAsync(new Uri($"/api/users/{user.Id}", UriKind.Relative));
            var data = await check.ReadDataAsync();
            Assert.Equal(role, data.GetProperty("role").GetString());
            Assert.True(data.GetProperty("isActive").GetBoolean());
        }
    }

    [Fact]
    public async Task Another_user_cannot_read_a_profile() =>
        await _factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/users/{id}");

    [Fact]
    public async Task Another_user_cannot_change_a_profile() =>
        await _factory.AssertOnlyOwnerCanAsync(HttpMethod.Put, "/api/users/{id}", new { name = "Hijacked" },
            verifyUnchanged: async (owner, id) =>
            {
                using var response = await owner.GetAsync(new Uri($"/api/users/{id}", UriKind.Relative));
                Assert.Equal("Test trader", (await response.ReadDataAsync()).GetProperty("name").GetString());
            });

    [Fact]
    public async Task Another_user_cannot_delete_an_account() =>
        await _factory.AssertOnlyOwnerCanAsync(HttpMethod.Delete, "/api/users/{id}",
            verifyUnchanged: async (owner, id) =>
            {
                using var response = await owner.GetAsync(new Uri($"/api/users/{id}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            });

    [Fact]
    public async Task A_viewer_cannot_touch_another_users_profile_either() =>
        await _factory.AssertOnlyOwnerCanAsync(HttpMethod.Put, "/api/users/{id}", new { displayName = "x" }, otherRole: "viewer");

    [Fact]
    public async Task A_deleted_users_token_stops_working()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using (var delete = await client.DeleteAsync(new Uri($"/api/users/{user.Id}", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            }

            using var me = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
            await ApiJson.AssertErrorEnvelopeAsync(me, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }
    }

    [Fact]
    public async Task An_admin_reads_and_changes_other_users_role_and_activation()
    {
        var (admin, adminClient) = await _factory.CreateUserWithClientAsync("admin");
        var target = await _factory.CreateUserAsync("viewer");
        using var anonymous = _factory.CreateClient();
        var session = await AuthFlowTests.LoginAsync(anonymous, target.Email, target.Password);
        using (adminClient)
        {
            using (var list = await adminClient.GetAsync(new Uri("/api/admin/users?limit=5&role=viewer", UriKind.Relative)))
            {
                var body = await list.ReadJsonAsync();
                Assert.True(body.GetProperty("success").GetBoolean());
                Assert.Equal(5, body.GetProperty("pagination").GetProperty("limit").GetInt32());
                Assert.All(body.GetProperty("data").EnumerateArray(), u => Assert.Equal("viewer", u.GetProperty("role").GetString()));
            }

            using (var promote = await adminClient.PutJsonAsync($"/api/admin/users/{target.Id}/role", new { role = "trader" }))
            {
                Assert.Equal("trader", (await promote.ReadDataAsync()).GetProperty("role").GetString());
            }

            using (var invalid = await adminClient.PutJsonAsync($"/api/admin/users/{target.Id}/role", new { role = "superuser" }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(invalid, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            }

            using (var self = await adminClient.PutJsonAsync($"/api/admin/users/{admin.Id}/role", new { role = "viewer" }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(self, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            }

            // The role change ended the old access token (it carried the old role); a refresh carries the new role.
            using (var stale = await AuthFlowTests.Send(anonymous, HttpMethod.Get, "/api/auth/me", session.GetProperty("accessToken").GetString()!))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
            }

            var refreshed = await AuthFlowTests.RefreshAsync(anonymous, session.GetProperty("refreshToken").GetString()!);
            using (var me = await AuthFlowTests.Send(anonymous, HttpMethod.Get, "/api/auth/me", refreshed.GetProperty("accessToken").GetString()!))
            {
                Assert.Equal("trader", (await me.ReadDataAsync()).GetProperty("role").GetString());
            }

            using (var deactivate = await adminClient.PostAsync(new Uri($"/api/admin/users/{target.Id}/deactivate", UriKind.Relative), null))
            {
                Assert.False((await deactivate.ReadDataAsync()).GetProperty("isActive").GetBoolean());
            }

            using (var login = await anonymous.PostJsonAsync("/api/auth/login", new { email = target.Email, password = target.Password }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(login, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
            }

            using (var refresh = await anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = refreshed.GetProperty("refreshToken").GetString() }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
            }

            using (var me = await AuthFlowTests.Send(anonymous, HttpMethod.Get, "/api/auth/me", refreshed.GetProperty("accessToken").GetString()!))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            }

            using (var reactivate = await adminClient.PostAsync(new Uri($"/api/admin/users/{target.Id}/reactivate", UriKind.Relative), null))
            {
                Assert.True((await reactivate.ReadDataAsync()).GetProperty("isActive").GetBoolean());
            }

            await AuthFlowTests.LoginAsync(anonymous, target.Email, target.Password);

            // Every step is in the audit log, newest first, for this user.
            using var audit = await adminClient.GetAsync(new Uri($"/api/admin/audit?userId={target.Id}&limit=100", UriKind.Relative));
            var entries = (await audit.ReadDataAsync()).EnumerateArray().ToList();
            var events = entries.Select(e => e.GetProperty("event").GetString()).ToList();
            Assert.Equal("login.succeeded", events[0]);
            Assert.Contains("user.reactivated", events);
            Assert.Contains("user.deactivated", events);
            Assert.Contains("role.changed", events);
            Assert.Contains("login.failed", events);
            var roleChange = entries.Single(e => e.GetProperty("event").GetString() == "role.changed");
            Assert.Equal("viewer", roleChange.GetProperty("details").GetProperty("from").GetString());
            Assert.Equal("trader", roleChange.GetProperty("details").GetProperty("to").GetString());
            Assert.Equal(target.Email, roleChange.GetProperty("email").GetString());
            Assert.True(roleChange.TryGetProperty("ip", out _)); // TestServer has no remote address; Kestrel fills it
            var times = entries.Select(e => e.GetProperty("time").GetDateTimeOffset()).ToList();
            Assert.Equal(times.OrderByDescending(t => t), times);
        }
    }

    [Fact]
    public async Task Audit_log_records_failures_and_reuse_and_is_paged()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("audit-test/1.0");
        var user = await _factory.CreateUserAsync();
        using (var failed = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = "Wr0ngPassword" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var session = await AuthFlowTests.LoginAsync(client, user.Email, user.Password);
        var original = session.GetProperty("refreshToken").GetString()!;
        await AuthFlowTests.RefreshAsync(client, original);
        using (var reuse = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = original }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        }

        var (_, admin) = await _factory.CreateUserWithClientAsync("admin");
        using (admin)
        {
            using var page1 = await admin.GetAsync(new Uri($"/api/admin/audit?userId={user.Id}&page=1&limit=2", UriKind.Relative));
            var body1 = await page1.ReadJsonAsync();
            Assert.Equal(3, body1.GetProperty("pagination").GetProperty("total").GetInt64());
            Assert.Equal(2, body1.GetProperty("pagination").GetProperty("totalPages").GetInt64());
            var first = body1.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(2, first.Count);
            Assert.Equal("refresh_token.reused", first[0].GetProperty("event").GetString());
            Assert.Equal("audit-test/1.0", first[0].GetProperty("userAgent").GetString());

            using var page2 = await admin.GetAsync(new Uri($"/api/admin/audit?userId={user.Id}&page=2&limit=2", UriKind.Relative));
            var last = (await page2.ReadDataAsync()).EnumerateArray().Single();
            Assert.Equal("login.failed", last.GetProperty("event").GetString());
            Assert.Equal("wrong_password", last.GetProperty("details").GetProperty("reason").GetString());
        }
    }
}
