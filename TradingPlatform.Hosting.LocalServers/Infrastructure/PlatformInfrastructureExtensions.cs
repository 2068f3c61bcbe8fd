using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.LocalServers.Postgres;
using TradingPlatform.Hosting.LocalServers.RabbitMQ;
using TradingPlatform.Hosting.LocalServers.Redis;

namespace TradingPlatform.Hosting.LocalServers.Infrastructure;

/// <summary>
/// One resource graph, three ways: a configured connection string means an external server (start nothing, as
/// <c>AddConnectionString</c>); else Aspire's containers in publish mode and wherever a container runtime answers;
/// else the same resources, under the same names and connection-string names, as local processes.
/// </summary>
public static class PlatformInfrastructureExtensions
{
    public const string ModeKey = "AppHost:Infrastructure";

    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, StrongBox<InfrastructureMode>> Resolved = [];

    /// <summary>PostgreSQL with one database; the services reference the database (<c>ConnectionStrings:{databaseName}</c>).</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformPostgres(
        this IDistributedApplicationBuilder builder, string serverName, string databaseName, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsExternal(builder, databaseName))
        {
            return builder.AddConnectionString(databaseName);
        }

        if (GetMode(builder) == InfrastructureMode.Containers)
        {
            return builder.AddPostgres(serverName, password: password).WithDataVolume().AddDatabase(databaseName);
        }

        return builder.AddLocalPostgres(serverName, password).AddDatabase(databaseName);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRedis(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsExternal(builder, name))
        {
            return builder.AddConnectionString(name);
        }

        if (GetMode(builder) == InfrastructureMode.Containers)
        {
            return builder.AddRedis(name, password: password).WithDataVolume();
        }

        return builder.AddLocalRedis(name, password);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsExternal(builder, name))
        {
            return builder.AddConnectionString(name);
        }

        if (GetMode(builder) == InfrastructureMode.Containers)
        {
            return builder.AddRabbitMQ(name, password: password).WithDataVolume();
        }

        return builder.AddLocalRabbitMQ(name, userName: null, password);
    }

    /// <summary>The mode in effect: containers in publish mode; else <c>AppHost:Infrastructure</c>, with auto resolved once.</summary>
    public static InfrastructureMode GetMode(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Resolved.GetValue(builder, b => new StrongBox<InfrastructureMode>(Resolve(b))).Value;
    }

    private static InfrastructureMode Resolve(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        var configured = builder.Configuration[ModeKey];
        if (!Enum.TryParse<InfrastructureMode>(string.IsNullOrWhiteSpace(configured) ? "auto" : configured, ignoreCase: true, out var mode))
        {
            throw new DistributedApplicationException(
                $"{ModeKey}: '{configured}' is not a mode; use auto (the default), containers or local");
        }

        return mode != InfrastructureMode.Auto
            ? mode
            : ContainerRuntime.IsHealthy(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]) ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    private static bool IsExternal(IDistributedApplicationBuilder builder, string connectionName) =>
        !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(connectionName));
}
