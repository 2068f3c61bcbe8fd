using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TradingPlatform.ServiceDefaults.Redis;

public static class RedisNamespaceExtensions
{
    /// <summary><see cref="RedisNamespace"/>, from the <c>Redis</c> section.</summary>
    public static IHostApplicationBuilder AddRedisNamespace(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RedisNamespaceOptions>().BindConfiguration(RedisNamespaceOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RedisNamespace>();
        return builder;
    }
}
