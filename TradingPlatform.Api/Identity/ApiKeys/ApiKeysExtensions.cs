using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace TradingPlatform.Api.Identity.ApiKeys;

public static class ApiKeysExtensions
{
    /// <summary>The keys' options and service, the key scheme, and the agent policy scheme that picks a key or a JWT by the bearer's prefix.</summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationDefaults.Scheme, null)
            .AddPolicyScheme(ApiKeyAuthenticationDefaults.AgentScheme, "Access token or API key", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.ReadKey(context.Request) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationDefaults.Scheme);
        return builder;
    }
}
