using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.Users;

namespace TradingPlatform.Api.Realtime.Auth;

/// <summary>
/// Checks a token sent over the socket exactly as the REST API checks a bearer token: the JwtBearer scheme's own
/// <see cref="TokenValidationParameters"/> (algorithm pin, issuer, audience, key, lifetime by the injected clock), then
/// the same deny-list and session-version check as <see cref="AccessTokenEvents"/>.
/// </summary>
internal sealed class SocketAuthenticator(IOptionsMonitor<JwtBearerOptions> jwt, IServiceScopeFactory scopes)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<SocketAuthResult> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var parameters = jwt.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(token, parameters);
        }
        catch (ArgumentException)
        {
            return SocketAuthResult.Fail("The access token is invalid.");
        }

        if (!result.IsValid)
        {
            return SocketAuthResult.Fail(result.Exception is SecurityTokenExpiredException
                ? "The access token has expired; refresh it."
                : "The access token is invalid.");
        }

        string? Claim(string name) => result.Claims.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        if (!UserId.TryParse(Claim(TokenClaims.Subject), out var userId)
            || Claim(TokenClaims.TokenId) is not { Length: > 0 } tokenId
            || !int.TryParse(Claim(TokenClaims.SessionVersion), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            return SocketAuthResult.Fail("The access token lacks the sub, jti or sv claim.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var (denied, current) = await scope.ServiceProvider.GetRequiredService<SessionStore>().CheckAsync(userId, tokenId, cancellationToken);
        if (denied)
        {
            return SocketAuthResult.Fail("The access token has been revoked (logged out).");
        }

        if (current != version)
        {
            return SocketAuthResult.Fail("The session has ended; sign in again.");
        }

        // The socket lives exactly as long as REST would accept the token: its expiry plus the same clock skew.
        var expires = new DateTimeOffset(DateTime.SpecifyKind(result.SecurityToken.ValidTo, DateTimeKind.Utc)) + parameters.ClockSkew;
        return new SocketAuthResult(true, userId.Value, expires, null);
    }
}
