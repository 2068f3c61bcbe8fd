using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Identity.ApiKeys;

/// <summary>
/// <c>Authorization: Bearer tp_…</c>. No such header is no result (another scheme may apply); a key that is unknown,
/// revoked, expired or of an inactive account fails, and the challenge answers 401 in the error envelope with the reason.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadKey(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        var (principal, failure) = await authenticator.AuthenticateAsync(key, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail(failure ?? "The API key is invalid.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var message = result.Failure?.Message ?? "A valid bearer token or API key is required.";
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{message}\"";
        await ApiErrors.Unauthorized(message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiErrors.Forbidden("This API key does not allow that.").ExecuteAsync(Context);

    /// <summary>The key of a <c>Bearer tp_…</c> header, or null.</summary>
    public static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[bearer.Length..].Trim();
        return token.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal) ? token : null;
    }
}
