using System.Net;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Identity;

/// <summary>TOTP with real codes computed by Otp.NET from the secret the Api returns, on a fake clock.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TwoFactorTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure, _time);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Enrol_verify_login_with_code_and_disable()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var enroll = await client.PostAsync(new Uri("/api/auth/2fa/enroll", UriKind.Relative), null);
            var enrollment = await enroll.ReadDataAsync();
            var secret = enrollment.GetProperty("secret").GetString()!;
            var uri = enrollment.GetProperty("otpauthUri").GetString()!;
            Assert.StartsWith("otpauth://totp/", uri, StringComparison.Ordinal);
            Assert.Contains($"secret={secret}", uri, StringComparison.Ordinal);
            var totp = new Totp(Base32Encoding.ToBytes(secret));

            // Not on until a code is verified: login still works without one.
            await AuthFlowTests.LoginAsync(client, user.Email, user.Password);

            using (var wrong = await client.PostJsonAsync("/api/auth/2fa/verify", new { code = WrongCode(totp) }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(wrong, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            }

            using (var verify = await client.PostJsonAsync("/api/auth/2fa/verify", new { code = Code(totp) }))
            {
                Assert.True((await verify.ReadDataAsync()).GetProperty("twoFactorEnabled").GetBoolean());
            }

            // Without a code: 401 that says a code is needed.
            using (var noCode = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }))
            {
                var error = await ApiJson.AssertErrorEnvelopeAsync(noCode, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
                Assert.True(error.GetProperty("details").GetProperty("twoFactorRequired").GetBoolean());
            }

            _time.Advance(Step);
            using (var wrongCode = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = WrongCode(totp) }))
            {
                var error = await ApiJson.AssertErrorEnvelopeAsync(wrongCode, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
                Assert.True(error.GetProperty("details").GetProperty("twoFactorRequired").GetBoolean());
            }

            var code = Code(totp);
            var login = await AuthFlowTests.LoginAsync(client, user.Email, user.Password,
                new { email = user.Email, password = user.Password, twoFactorCode = code });
            Assert.True(login.GetProperty("user").GetProperty("twoFactorEnabled").GetBoolean());

            // The same code again is a replay.
            using (var replay = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = code }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(replay, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
            }

            _time.Advance(Step);
            using (var disable = await client.PostJsonAsync("/api/auth/2fa/disable", new { code = Code(totp) }))
            {
                Assert.False((await disable.ReadDataAsync()).GetProperty("twoFactorEnabled").GetBoolean());
            }

            await AuthFlowTests.LoginAsync(client, user.Email, user.Password);
        }
    }

    [Fact]
    public async Task Disable_needs_a_valid_code()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var enroll = await client.PostAsync(new Uri("/api/auth/2fa/enroll", UriKind.Relative), null);
            var totp = new Totp(Base32Encoding.ToBytes((await enroll.ReadDataAsync()).GetProperty("secret").GetString()!));
            using (var verify = await client.PostJsonAsync("/api/auth/2fa/verify", new { code = Code(totp) }))
            {
                Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
            }

            using (var disable = await client.PostJsonAsync("/api/auth/2fa/disable", new { code = WrongCode(totp) }))
            {
                await ApiJson.AssertErrorEnvelopeAsync(disable, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
            }

            using var me = await client.GetAsync(new Uri("/api/users/me", UriKind.Relative));
            Assert.True((await me.ReadDataAsync()).GetProperty("twoFactorEnabled").GetBoolean());
        }
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync();
        using (client)
        {
            using var enroll = await client.PostAsync(new Uri("/api/auth/2fa/enroll", UriKind.Relative), null);
            var secret = (await enroll.ReadDataAsync()).GetProperty("secret").GetString()!;

            await using var connection = new Npgsql.NpgsqlConnection(infrastructure.TradingDb);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("""SELECT "TwoFactorSecret" FROM identity.users WHERE "Id" = @id""", connection);
            command.Parameters.AddWithValue("id", user.Id);
            var stored = (string?)await command.ExecuteScalarAsync();
            Assert.False(string.IsNullOrEmpty(stored));
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
    }

    private string Code(Totp totp) => totp.ComputeTotp(_time.GetUtcNow().UtcDateTime);

    /// <summary>A six-digit code that is none of the window's valid ones.</summary>
    private string WrongCode(Totp totp)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var valid = new[] { now - Step, now, now + Step }.Select(t => totp.ComputeTotp(t)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
