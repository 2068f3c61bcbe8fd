using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using TradingPlatform.Hosting.LocalServers.Infrastructure;
using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers.RabbitMQ;

public static class LocalRabbitMQBuilderExtensions
{
    internal const string SystemUser = "rabbitmq";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>
    /// A RabbitMQ node from the distribution's packages as a local process, with its own epmd resource
    /// (<c>{name}-epmd</c>) on a private port, listening on 127.0.0.1 (ports allocated by DCP), its database in
    /// <c>{AppHost:DataPath}/{name}</c>, run as the <c>rabbitmq</c> user when the AppHost is root; ready when an AMQP
    /// connection opens.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? userName, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        LocalServerPreflight.Register(builder);
        var settings = LocalServerSettings.From(builder);
        var epmdBinary = ExecutableLocator.Find("epmd", "/usr/lib/erlang/bin");
        var serverBinary = File.Exists(ServerScript) ? ServerScript : null;
        var epmd = AddPortMapper(builder, $"{name}-epmd", epmdBinary, settings);

        var command = ServerCommand.For(ServerScript, SystemUser);
        var broker = new LocalRabbitMQServerResource(name, command.Command, settings.ServerDirectory(name), userName?.Resource, password.Resource);
        var directory = broker.WorkingDirectory;

        return builder.AddResource(broker)
            .WithEndpoint(name: LocalRabbitMQServerResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQServerResource.DistributionEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs([.. command.PrefixArguments])
            .WithEnvironment(context =>
            {
                var variables = context.EnvironmentVariables;
                variables["HOME"] = directory; // the Erlang cookie is created here, private to this node
                variables["ERL_EPMD_PORT"] = epmd.Resource.Endpoint.Property(EndpointProperty.TargetPort);
                // Its own epmd is a resource that is up before the node; the node must not start a shared daemon.
                variables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false";
                variables["RABBITMQ_NODENAME"] = broker.NodeName;
                variables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                variables["RABBITMQ_NODE_PORT"] = broker.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                variables["RABBITMQ_DIST_PORT"] = broker.GetEndpoint(LocalRabbitMQServerResource.DistributionEndpointName).Property(EndpointProperty.TargetPort);
                variables["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
                variables["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
                variables["RABBITMQ_LOGS"] = "-";
                variables["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid");
                variables["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
                variables["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config");
                variables["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf");
                variables["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(directory, "feature_flags");
                variables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
                // Makes the start script exec the Erlang VM instead of wrapping it, so DCP's SIGTERM reaches the node.
                variables["RUNNING_UNDER_SYSTEMD"] = "true";
            })
            .WithAnnotation(new LocalServerAnnotation(directory, SystemUser,
                [new RequiredBinary("rabbitmq-server", serverBinary, "rabbitmq-server"), new RequiredBinary("epmd", epmdBinary, "rabbitmq-server")]))
            .WithIconName("Mail")
            .WaitFor(epmd)
            .WithLocalHealthCheck(new RabbitMQHealthCheck(broker.ConnectionStringExpression.GetValueAsync))
            .OnBeforeResourceStarted(async (resource, e, cancellationToken) =>
            {
                var log = LocalServerHealthChecks.ConsoleOf(resource, e.Services);
                await StaleProcess.StopLeftoversAsync(directory, Signals.SigTerm, TimeSpan.FromSeconds(10), log);

                StaleProcess.RemoveStalePidFile(Path.Combine(directory, "rabbitmq.pid"));
                await WriteConfigAsync(resource, cancellationToken);
                if (await DataFolder.PrepareAsync(directory, SystemUser, cancellationToken) is { } problem)
                {
                    throw new DistributedApplicationException($"{resource.Name}: {problem}");
                }

                FilePermissions.RestrictToOwner(Path.Combine(directory, "rabbitmq.conf"));
            });
    }

    private static IResourceBuilder<ErlangPortMapperResource> AddPortMapper(
        IDistributedApplicationBuilder builder, string name, string? binary, LocalServerSettings settings)
    {
        var command = ServerCommand.For(binary ?? "epmd", SystemUser);
        var epmd = new ErlangPortMapperResource(name, command.Command, settings.ServerDirectory(name));
        return builder.AddResource(epmd)
            .WithEndpoint(name: ErlangPortMapperResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in command.PrefixArguments)
                {
                    context.Args.Add(argument);
                }

                context.Args.Add("-port");
                context.Args.Add(epmd.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-address");
                context.Args.Add("127.0.0.1");
            })
            .WithAnnotation(new LocalServerAnnotation(epmd.WorkingDirectory, SystemUser, [new RequiredBinary("epmd", binary, "rabbitmq-server")]))
            .WithIconName("PlugConnected")
            .WithLocalHealthCheck(new TcpHealthCheck(epmd.Endpoint))
            .OnBeforeResourceStarted(async (resource, e, _) =>
            {
                var log = LocalServerHealthChecks.ConsoleOf(resource, e.Services);
                await StaleProcess.StopLeftoversAsync(resource.WorkingDirectory, Signals.SigTerm, TimeSpan.FromSeconds(5), log);
            });
    }

    private static async Task WriteConfigAsync(LocalRabbitMQServerResource broker, CancellationToken cancellationToken)
    {
        var directory = broker.WorkingDirectory;
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        var userName = await broker.UserNameReference.GetValueAsync(cancellationToken);
        var password = await broker.PasswordParameter.GetValueAsync(cancellationToken);
        // default_user and default_pass only take effect when the node creates its database, the first time.
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"default_user = {userName}")
            .AppendLine(CultureInfo.InvariantCulture, $"default_pass = {password}")
            .AppendLine("loopback_users = none")
            // Every health probe and client connection would otherwise log two info lines.
            .AppendLine("log.connection.level = warning")
            .ToString();
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), config, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), "", cancellationToken);
    }
}
