using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>Adds a Redis server. Without a password parameter, <c>{name}-password</c> is generated.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder,
        string name,
        int? port = null,
        IResourceBuilder<ParameterResource>? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ResourceNames.ThrowIfTaken(builder, name);
        var passwordParameter = password?.Resource ?? builder.AddParameter($"{name}-password", secret: true).Resource;
        return builder.AddResource(new RedisResource(name, passwordParameter, port));
    }
}
