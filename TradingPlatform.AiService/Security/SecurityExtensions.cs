using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.AiService.Security;

internal static class SecurityExtensions
{
    public const string AdminRole = "admin";

    /// <summary>Admins only (internal services sign in as admin), e.g. <c>POST /api/news</c>: anonymous 401, other roles 403.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>
    /// The AiService's user-facing endpoints accept the Api's access tokens (the Api forwards the caller's), so a user's
    /// training runs and models are checked as theirs here too. The Api's deny list of logged-out tokens is checked by
    /// the Api, which every client goes through; the AiService is not exposed outside the deployment.
    /// </summary>
    public static IHostApplicationBuilder AddAccessTokens(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessTokenOptions>().BindConfiguration(AccessTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JwtBearerEvents>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, AccessTokenBearerSetup<JwtBearerEvents>>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole));
        return builder;
    }

    /// <summary>The caller's user id (the token's <c>sub</c>).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccessTokenValidation.SubjectClaim), out var id) ? id : throw new InvalidOperationException("The token has no user id.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);
}
