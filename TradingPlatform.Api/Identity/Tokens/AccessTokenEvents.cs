using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity.Tokens;

/// <summary>
/// After the signature, issuer, audience and lifetime checks: refuses logged-out tokens (Redis deny list) and tokens
/// of an ended session (a password change, deactivation, role change or deletion bumps the session version). Writes
/// every 401 in the error envelope with the reason.
/// </summary>
internal sealed class AccessTokenEvents(SessionStore sessions) : JwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!UserId.TryParse(principal.FindFirst(TokenClaims.Subject)?.Value, out var userId)
            || principal.FindFirst(TokenClaims.TokenId)?.Value is not { Length: > 0 } tokenId
            || !int.TryParse(principal.FindFirst(TokenClaims.SessionVersion)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
        {
            context.Fail("The access token lacks the sub, jti or sv claim.");
            return;
        }

        // A Redis or database outage throws here; JwtBearer rethrows it and the exception handler answers 503,
        // rather than a 401 that would send every client to the login page.
        var (denied, current) = await sessions.CheckAsync(userId, tokenId, context.HttpContext.RequestAborted);
        if (denied)
        {
            context.Fail("The access token has been revoked (logged out).");
        }
        else if (current != version)
        {
            context.Fail("The session has ended; sign in again.");
        }
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        // Take over the bare 401 so that it carries the envelope and says why.
        context.HandleResponse();
        var message = context.AuthenticateFailure switch
        {
            null => "A valid bearer token is required.",
            SecurityTokenExpiredException => "The access token has expired; refresh it.",
            SecurityTokenException => "The access token is invalid.",
            { } failure => failure.Message,
        };
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{message}\"";
        await ApiErrors.Unauthorized(message).ExecuteAsync(context.HttpContext);
    }
}
