using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>
    /// Adds a RabbitMQ broker. The user name defaults to <c>guest</c>; without a password parameter,
    /// <c>{name}-password</c> is generated.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource>? userName = null,
        IResourceBuilder<ParameterResource>? password = null,
        int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ResourceNames.ThrowIfTaken(builder, name);
        var user = userName?.Resource ?? builder.AddParameter($"{name}-username", "guest").Resource;
        var pass = password?.Resource ?? builder.AddParameter($"{name}-password", secret: true).Resource;
        return builder.AddResource(new RabbitMQServerResource(name, user, pass, port));
    }
}
