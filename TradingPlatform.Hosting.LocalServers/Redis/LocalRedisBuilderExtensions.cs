using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.LocalServers.Infrastructure;
using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers.Redis;

public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// redis-server from the distribution's packages as a local process on 127.0.0.1 (port allocated by DCP), with a
    /// password and, unless <c>AppHost:DurableData</c> is off, an append-only file in <c>{AppHost:DataPath}/{name}</c>;
    /// ready when PING answers.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        LocalServerPreflight.Register(builder);
        var settings = LocalServerSettings.From(builder);
        var binary = ExecutableLocator.Find("redis-server");
        var redis = new LocalRedisResource(name, binary ?? "redis-server", settings.ServerDirectory(name), password.Resource);

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp", isProxied: false)
            // The config file holds the password (never on a command line that ps shows); the port, known only at
            // launch, follows it on the command line, which overrides the file.
            .WithArgs(context =>
            {
                context.Args.Add(redis.ConfigFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithAnnotation(new LocalServerAnnotation(redis.WorkingDirectory, SystemUser: null,
                [new RequiredBinary("redis-server", binary, "redis-server")]))
            .WithIconName("Memory")
            .WithLocalHealthCheck(new RedisHealthCheck(redis.ConnectionStringExpression.GetValueAsync))
            .OnBeforeResourceStarted(async (resource, e, cancellationToken) =>
            {
                var log = LocalServerHealthChecks.ConsoleOf(resource, e.Services);
                await StaleProcess.StopLeftoversAsync(resource.WorkingDirectory, Signals.SigTerm, TimeSpan.FromSeconds(10), log);

                await WriteConfigAsync(resource, settings.DurableData, cancellationToken);
            });
    }

    private static async Task WriteConfigAsync(LocalRedisResource redis, bool durable, CancellationToken cancellationToken)
    {
        var password = await redis.PasswordParameter.GetValueAsync(cancellationToken);
        var config = new StringBuilder()
            .AppendLine("bind 127.0.0.1")
            .AppendLine("protected-mode yes")
            .AppendLine(CultureInfo.InvariantCulture, $"requirepass \"{password}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"dir \"{redis.WorkingDirectory}\"")
            .AppendLine("daemonize no")
            .AppendLine("logfile \"\"")
            .AppendLine(durable ? "appendonly yes" : "appendonly no")
            .AppendLine(durable ? "save 3600 1 300 100 60 10000" : "save \"\"")
            .ToString();
        Directory.CreateDirectory(redis.WorkingDirectory);
        await File.WriteAllTextAsync(redis.ConfigFile, config, cancellationToken);
        FilePermissions.RestrictToOwner(redis.ConfigFile);
    }
}
