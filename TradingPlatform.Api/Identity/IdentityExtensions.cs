using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Api.Identity.Admin;
using TradingPlatform.Api.Identity.ApiKeys;
using TradingPlatform.Api.Identity.Audit;
using TradingPlatform.Api.Identity.Auth;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Passwords;
using TradingPlatform.Api.Identity.Seeding;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Identity.TwoFactor;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.ServiceDefaults.HealthChecks;

namespace TradingPlatform.Api.Identity;

public static class IdentityExtensions
{
    /// <summary>Shared by every replica, so that each can read what another encrypted (the TOTP secrets).</summary>
    public const string DataProtectionApplicationName = "TradingPlatform";

    public const string MigrationsHealthCheckName = "identity-migrations";

    /// <summary>Users, JWT bearer authentication, role policies, 2FA, the audit log and the identity schema's migrations.</summary>
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Same database as TradingDbContext, own schema and migrations history. UseNpgsql without a connection string
        // adds to the options Aspire configured (its connection string and retries). Aspire's check would test the
        // same database again under the name "IdentityDbContext"; the one "tradingdb" check covers both contexts.
        builder.AddNpgsqlDbContext<IdentityDbContext>("tradingdb", settings => settings.DisableHealthChecks = true,
            options => options.UseNpgsql(IdentityDbContext.ConfigureNpgsql));
        builder.AddDatabaseHealthCheck<IdentityDbContext>("tradingdb");
        services.AddSchemaMigrations<IdentityDbContext>(MigrationsHealthCheckName, "identity store");
        services.AddScoped<ISchemaSeeder<IdentityDbContext>, DevelopmentUserSeeder>();

        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountSecurityOptions>().BindConfiguration(AccountSecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);

        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AccountSecurityOptions>>((hasher, security) =>
        {
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            hasher.IterationCount = security.Value.PasswordHashIterations;
        });
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<PasswordService>();

        builder.AddNpgsqlDbContext<KeyRingDbContext>("tradingdb", settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableRetry = true;
        });
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<KeyRingDbContext>();

        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<TwoFactorService>();
        services.AddScoped<SessionStore>();
        services.AddScoped<RefreshTokenService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuthService>();
        services.AddScoped<UserService>();
        services.AddScoped<AdminService>();
        services.AddScoped<AccessTokenEvents>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
        services.AddAuthorizationBuilder().AddRolePolicies();
        builder.AddApiKeys();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder routes)
    {
        var identity = routes.MapGroup("").RequireSchema<IdentityDbContext>();
        identity.MapAuthApi();
        identity.MapTwoFactorApi();
        identity.MapUsersApi();
        identity.MapAdminApi();
        identity.MapApiKeysApi();
        return routes;
    }
}
