using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Identity;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class LoginRateLimitTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ApiFactory _factory = null!;

    // Per-IP and per-user limits high, so that only the per-email limit can trip.
    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure, null,
        ("RateLimiting:Enabled", "true"), ("RateLimiting:AuthPerEmail", "3"), ("RateLimiting:AuthPerIp", "1000"),
        ("RateLimiting:PerIp", "1000"), ("RateLimiting:PerUser", "1000"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_fourth_login_attempt_for_one_email_in_a_window_is_429_even_with_the_right_password()
    {
        using var client = _factory.CreateClient();
        var user = await _factory.CreateUserAsync();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var failed = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = "Wr0ngPassword" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        await AuthFlowTests.LoginAsync(client, user.Email.ToUpperInvariant(), user.Password);

        using var limited = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        await ApiJson.AssertErrorEnvelopeAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMIT_ERROR");
        Assert.NotNull(limited.Headers.RetryAfter);

        // Another email is counted separately.
        var other = await _factory.CreateUserAsync();
        await AuthFlowTests.LoginAsync(client, other.Email, other.Password);
    }
}
