using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Identity;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class LockoutTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure, _time,
        ("AccountSecurity:MaxFailedLoginAttempts", "3"), ("AccountSecurity:LockoutMinutes", "10"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Three_wrong_passwords_lock_the_account_for_ten_minutes()
    {
        using var client = _factory.CreateClient();
        var user = await _factory.CreateUserAsync();
        var wrong = new { email = user.Email, password = "Wr0ngPassword" };

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var failed = await client.PostJsonAsync("/api/auth/login", wrong);
            var error = await ApiJson.AssertErrorEnvelopeAsync(failed, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("details").ValueKind);
        }

        using (var locking = await client.PostJsonAsync("/api/auth/login", wrong))
        {
            var error = await ApiJson.AssertErrorEnvelopeAsync(locking, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.True(error.GetProperty("details").GetProperty("lockedOut").GetBoolean());
        }

        // Locked: even the right password is refused.
        _time.Advance(TimeSpan.FromMinutes(9));
        using (var locked = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }))
        {
            var error = await ApiJson.AssertErrorEnvelopeAsync(locked, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            Assert.True(error.GetProperty("details").GetProperty("lockedOut").GetBoolean());
        }

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await AuthFlowTests.LoginAsync(client, user.Email, user.Password);
    }

    [Fact]
    public async Task A_successful_login_resets_the_failure_count()
    {
        using var client = _factory.CreateClient();
        var user = await _factory.CreateUserAsync();
        var wrong = new { email = user.Email, password = "Wr0ngPassword" };
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var failed = await client.PostJsonAsync("/api/auth/login", wrong);
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            await AuthFlowTests.LoginAsync(client, user.Email, user.Password);
        }
    }
}
