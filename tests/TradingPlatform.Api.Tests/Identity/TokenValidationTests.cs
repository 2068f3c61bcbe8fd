using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Identity;

/// <summary>Every way to forge or stretch an access token is a 401 in the envelope.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TokenValidationTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ApiFactory _factory = null!;
    private TestUser _user = null!;

    public async Task InitializeAsync()
    {
        _factory = await ApiFactory.StartAsync(infrastructure, _time);
        _user = await _factory.CreateUserAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_correctly_forged_token_is_accepted_so_the_other_cases_fail_for_their_one_change()
    {
        var token = TokenForger.Forge(_user, TokenForger.Hmac(_factory.SigningKey), _time.GetUtcNow());
        using var response = await GetMeAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Alg_none_is_refused() => await AssertRefusedAsync(TokenForger.Unsigned(_user, _time.GetUtcNow()));

    [Fact]
    public async Task Hs512_with_the_right_key_is_refused() =>
        await AssertRefusedAsync(TokenForger.Forge(_user, TokenForger.Hmac(_factory.SigningKey, SecurityAlgorithms.HmacSha512), _time.GetUtcNow()));

    [Fact]
    public async Task Rs256_is_refused() => await AssertRefusedAsync(TokenForger.Forge(_user, TokenForger.Rsa(), _time.GetUtcNow()));

    [Fact]
    public async Task A_bad_signature_is_refused() =>
        await AssertRefusedAsync(TokenForger.Tamper(TokenForger.Forge(_user, TokenForger.Hmac(_factory.SigningKey), _time.GetUtcNow())));

    [Fact]
    public async Task Another_key_is_refused() =>
        await AssertRefusedAsync(TokenForger.Forge(_user, TokenForger.Hmac(new string('k', 64)), _time.GetUtcNow()));

    [Fact]
    public async Task A_wrong_audience_is_refused() =>
        await AssertRefusedAsync(TokenForger.Forge(_user, TokenForger.Hmac(_factory.SigningKey), _time.GetUtcNow(), audience: "someone-else"));

    [Fact]
    public async Task A_wrong_issuer_is_refused() =>
        await AssertRefusedAsync(TokenForger.Forge(_user, TokenForger.Hmac(_factory.SigningKey), _time.GetUtcNow(), issuer: "https://evil.example"));

    [Fact]
    public async Task A_token_minted_already_expired_is_refused() =>
        await AssertRefusedAsync(
            TokenForger.Forge(_user, TokenForger.Hmac(_factory.SigningKey), _time.GetUtcNow().AddHours(-1), lifetime: TimeSpan.FromMinutes(15)),
            "expired");

    [Fact]
    public async Task A_real_token_expires_after_15_minutes_plus_the_clock_skew()
    {
        var token = await _factory.MintTokenAsync(_user);
        _time.Advance(TimeSpan.FromMinutes(15));
        using (var stillValid = await GetMeAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode); // within the 30 s skew
        }

        _time.Advance(TimeSpan.FromSeconds(31));
        await AssertRefusedAsync(token, "expired");
    }

    [Fact]
    public async Task Garbage_is_refused() => await AssertRefusedAsync("not.a.jwt");

    private async Task AssertRefusedAsync(string token, string? messageContains = null)
    {
        using var response = await GetMeAsync(token);
        var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> GetMeAsync(string token)
    {
        using var client = _factory.CreateClient(token);
        return await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
    }
}
