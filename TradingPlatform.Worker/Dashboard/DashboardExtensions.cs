using Hangfire;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Security;

namespace TradingPlatform.Worker.Dashboard;

internal static class DashboardExtensions
{
    /// <summary>Validation of the Api's access tokens (JWT bearer, from a header, the sign-in query or the cookie) and the admin policy.</summary>
    public static IHostApplicationBuilder AddJobsDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessTokenOptions>().BindConfiguration(AccessTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DashboardTokenEvents>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // The Api's tokens as every service validates them. Not checked here: the Api's Redis deny list of logged-out
        // tokens and its session versions, so a logged-out token stays valid on the dashboard until it expires (15 min).
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, AccessTokenBearerSetup<DashboardTokenEvents>>();
        services.AddAuthorizationBuilder().AddPolicy(DashboardAccess.Policy, policy =>
            policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireRole(DashboardAccess.AdminRole));
        return builder;
    }

    /// <summary>Turns <c>?access_token=</c> into the dashboard's cookie; between UseAuthentication and UseAuthorization.</summary>
    public static IApplicationBuilder UseJobsDashboardSignIn(this IApplicationBuilder app) => app.UseMiddleware<DashboardSignInMiddleware>();

    /// <summary>The Hangfire dashboard at <c>/hangfire</c>, for admins only.</summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AccessTokenOptions>>().Value.HasSigningKey)
        {
            app.Logger.LogWarning("Jwt:SigningKey is not set: the Hangfire dashboard at {Path} refuses every request", DashboardAccess.Path);
        }

        AdminDashboardAuthorizationFilter filter = new();
        return app.MapHangfireDashboard(DashboardAccess.Path, new DashboardOptions
        {
            DashboardTitle = "TradingPlatform jobs",
            // No "back to site" link: the Worker has no site.
            AppPath = null,
            // The storage's connection string (host, database, user) is nobody's business on a web page.
            DisplayStorageConnectionString = false,
            Authorization = [filter],
            AsyncAuthorization = [filter],
        }).RequireAuthorization(DashboardAccess.Policy);
    }
}
