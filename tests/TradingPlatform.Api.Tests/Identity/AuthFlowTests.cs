using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Identity;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class AuthFlowTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Password = "Str0ngPassword";
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Register_login_me_refresh_and_logout_work_end_to_end()
    {
        using var client = _factory.CreateClient();
        var email = AuthKit.UniqueEmail("flow");

        using var registered = await client.PostJsonAsync("/api/auth/register", new { email, password = Password, name = "Flow User" });
        var registration = await registered.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal(email, registration.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("trader", registration.GetProperty("user").GetProperty("role").GetString());

        var login = await LoginAsync(client, email, Password);
        var user = login.GetProperty("user");
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Flow User", user.GetProperty("name").GetString());
        Assert.Equal("light", user.GetProperty("preferences").GetProperty("theme").GetString());
        Assert.False(user.TryGetProperty("passwordHash", out _));
        Assert.Equal(15 * 60, login.GetProperty("expiresIn").GetInt32());
        var access = login.GetProperty("accessToken").GetString()!;
        var refresh = login.GetProperty("refreshToken").GetString()!;

        using (var me = await Send(client, HttpMethod.Get, "/api/auth/me", access))
        {
            var data = await me.ReadDataAsync();
            Assert.Equal(user.GetProperty("id").GetString(), data.GetProperty("id").GetString());
        }

        // Rotation: each refresh returns a new refresh token, and the spent one no longer works.
        var first = await RefreshAsync(client, refresh);
        var rotated = first.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(refresh, rotated);
        using (var me = await Send(client, HttpMethod.Get, "/api/auth/me", first.GetProperty("accessToken").GetString()!))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        var second = await RefreshAsync(client, rotated);
        var newest = second.GetProperty("refreshToken").GetString()!;
        var newestAccess = second.GetProperty("accessToken").GetString()!;

        // Logout revokes the refresh token and the access token at once.
        using (var logout = await Send(client, HttpMethod.Post, "/api/auth/logout", newestAccess, new { refreshToken = newest }))
        {
            await logout.ReadDataAsync();
        }

        using (var refused = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = newest }))
        {
            await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }

        using (var me = await Send(client, HttpMethod.Get, "/api/auth/me", newestAccess))
        {
            var error = await ApiJson.AssertErrorEnvelopeAsync(me, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.Contains("revoked", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family()
    {
        using var client = _factory.CreateClient();
        var user = await _factory.CreateUserAsync();
        var login = await LoginAsync(client, user.Email, user.Password);
        var original = login.GetProperty("refreshToken").GetString()!;
        var newest = (await RefreshAsync(client, original)).GetProperty("refreshToken").GetString()!;

        using (var reuse = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = original }))
        {
            var error = await ApiJson.AssertErrorEnvelopeAsync(reuse, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.Contains("already been used", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The newest token of the family, never used, is dead too.
        using (var refused = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = newest }))
        {
            await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }

        // Another session of the same user (another family) is unaffected.
        var other = await LoginAsync(client, user.Email, user.Password);
        await RefreshAsync(client, other.GetProperty("refreshToken").GetString()!);
    }

    [Fact]
    public async Task Signup_is_an_alias_of_register()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostJsonAsync("/api/auth/signup", new { email = AuthKit.UniqueEmail("signup"), password = Password });
        var data = await response.ReadDataAsync(HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(data.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(data.GetProperty("refreshToken").GetString()));
    }

    [Fact]
    public async Task Duplicate_email_is_a_conflict_whatever_the_case()
    {
        using var client = _factory.CreateClient();
        var email = AuthKit.UniqueEmail("dup");
        using (var first = await client.PostJsonAsync("/api/auth/register", new { email, password = Password }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await client.PostJsonAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = Password });
        await ApiJson.AssertErrorEnvelopeAsync(second, HttpStatusCode.Conflict, "CONFLICT_ERROR");

        // Login is case-insensitive too.
        await LoginAsync(client, email.ToUpperInvariant(), Password);
    }

    [Theory]
    [InlineData("not-an-email", Password, "Name", "email")]
    [InlineData("a@b", Password, "Name", "email")]
    [InlineData("valid@example.test", "short1A", "Name", "password")]
    [InlineData("valid@example.test", "alllowercase1", "Name", "password")]
    [InlineData("valid@example.test", "ALLUPPERCASE1", "Name", "password")]
    [InlineData("valid@example.test", "NoDigitsHere", "Name", "password")]
    [InlineData("valid@example.test", Password, null, "name")]
    public async Task Invalid_registration_is_422_with_field_details(string email, string password, string? name, string field)
    {
        using var client = _factory.CreateClient();
        name ??= new string('n', 101);
        using var response = await client.PostJsonAsync("/api/auth/register", new { email, password, name });
        var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out var messages), error.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostJsonAsync("/api/auth/register",
            new { email = AuthKit.UniqueEmail("long"), password = "Aa1" + new string('x', 126) });
        var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        using var client = _factory.CreateClient();
        var user = await _factory.CreateUserAsync();

        using var wrong = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = "Wr0ngPassword" });
        using var unknown = await client.PostJsonAsync("/api/auth/login", new { email = AuthKit.UniqueEmail("nobody"), password = "Wr0ngPassword" });

        var wrongError = await ApiJson.AssertErrorEnvelopeAsync(wrong, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        var unknownError = await ApiJson.AssertErrorEnvelopeAsync(unknown, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        Assert.Equal(wrongError.GetProperty("message").GetString(), unknownError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_user_cannot_set_their_own_role_through_their_profile()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync("viewer");
        using (client)
        {
            using var response = await client.PutJsonAsync("/api/users/me",
                new { name = "Renamed", role = "admin", isActive = false, preferences = new { theme = "dark" } });
            var data = await response.ReadDataAsync();
            Assert.Equal("Renamed", data.GetProperty("name").GetString());
            Assert.Equal("dark", data.GetProperty("preferences").GetProperty("theme").GetString());
            Assert.Equal("viewer", data.GetProperty("role").GetString());

            using var me = await client.GetAsync(new Uri("/api/users/me", UriKind.Relative));
            var reread = await me.ReadDataAsync();
            Assert.Equal("viewer", reread.GetProperty("role").GetString());
            Assert.True(reread.GetProperty("isActive").GetBoolean());
            Assert.Equal("en", reread.GetProperty("preferences").GetProperty("language").GetString());
            Assert.Equal(user.Email, reread.GetProperty("email").GetString());
        }
    }

    [Fact]
    public async Task Invalid_profile_update_is_422()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var response = await client.PutJsonAsync("/api/users/me", new { name = new string('x', 101), preferences = new { theme = "pink" } });
            var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty("name", out _));
            Assert.True(error.GetProperty("details").TryGetProperty("preferences.theme", out _));
        }
    }

    [Fact]
    public async Task Changing_the_password_ends_every_existing_session()
    {
        using var client = _factory.CreateClient();
        var user = await _factory.CreateUserAsync();
        var sessionA = await LoginAsync(client, user.Email, user.Password);
        var sessionB = await LoginAsync(client, user.Email, user.Password);
        var accessA = sessionA.GetProperty("accessToken").GetString()!;

        using (var wrongCurrent = await Send(client, HttpMethod.Put, "/api/users/me/password", accessA,
                   new { currentPassword = "Wr0ngPassword", newPassword = "N3wPassword!" }))
        {
            var error = await ApiJson.AssertErrorEnvelopeAsync(wrongCurrent, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            Assert.True(error.GetProperty("details").TryGetProperty("currentPassword", out _));
        }

        JsonElement fresh;
        using (var changed = await Send(client, HttpMethod.Put, "/api/users/me/password", accessA,
                   new { currentPassword = user.Password, newPassword = "N3wPassword!" }))
        {
            fresh = await changed.ReadDataAsync();
        }

        foreach (var session in new[] { sessionA, sessionB })
        {
            using var me = await Send(client, HttpMethod.Get, "/api/auth/me", session.GetProperty("accessToken").GetString()!);
            await ApiJson.AssertErrorEnvelopeAsync(me, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            using var refresh = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() });
            await ApiJson.AssertErrorEnvelopeAsync(refresh, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        }

        // The caller got a fresh session; the old password no longer works, the new one does.
        using (var me = await Send(client, HttpMethod.Get, "/api/auth/me", fresh.GetProperty("accessToken").GetString()!))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using (var old = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        await LoginAsync(client, user.Email, "N3wPassword!");
    }

    [Fact]
    public async Task Without_a_token_protected_endpoints_answer_401_in_the_envelope()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    internal static async Task<JsonElement> LoginAsync(HttpClient client, string email, string password, object? extra = null)
    {
        using var response = await client.PostJsonAsync("/api/auth/login", extra ?? new { email, password });
        return await response.ReadDataAsync();
    }

    internal static async Task<JsonElement> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken });
        var data = await response.ReadDataAsync();
        Assert.False(string.IsNullOrEmpty(data.GetProperty("accessToken").GetString()));
        return data;
    }

    internal static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }
}
