using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Hosting.LocalServers.Infrastructure;
using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers.Postgres;

public static class LocalPostgresBuilderExtensions
{
    internal const string SystemUser = "postgres";

    /// <summary>
    /// PostgreSQL from the distribution's packages as a local process: a cluster created once (initdb, with the password
    /// and scram-sha-256) in <c>{AppHost:DataPath}/{name}</c>, listening on 127.0.0.1 on a port DCP allocates, run as the
    /// <c>postgres</c> user when the AppHost is root, and ready when a SQL query answers.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        LocalServerPreflight.Register(builder);
        var settings = LocalServerSettings.From(builder);
        var binDirectories = ExecutableLocator.PostgresBinDirectories();
        var postgres = ExecutableLocator.Find("postgres", binDirectories);
        var initdb = ExecutableLocator.Find("initdb", binDirectories);
        var command = ServerCommand.WithStopSignal(postgres ?? "postgres", SystemUser, "INT");
        var server = new LocalPostgresServerResource(name, command.Command, settings.ServerDirectory(name), password.Resource);

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in command.PrefixArguments)
                {
                    context.Args.Add(argument);
                }

                context.Args.Add("-D");
                context.Args.Add(server.ClusterDirectory);
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var setting in Settings(settings.DurableData))
                {
                    context.Args.Add("-c");
                    context.Args.Add(setting);
                }
            })
            .WithAnnotation(new LocalServerAnnotation(server.WorkingDirectory, SystemUser,
                [new RequiredBinary("postgres", postgres, "postgresql"), new RequiredBinary("initdb", initdb, "postgresql")]))
            .WithIconName("Database")
            .WithLocalHealthCheck(new PostgresHealthCheck(server.ConnectionStringExpression.GetValueAsync))
            .OnBeforeResourceStarted((resource, e, cancellationToken) =>
                PostgresCluster.PrepareAsync(resource, initdb!, LocalServerHealthChecks.ConsoleOf(resource, e.Services), cancellationToken))
            .OnResourceReady(async (resource, e, cancellationToken) =>
            {
                await PostgresCluster.CreateDatabasesAsync(resource, LocalServerHealthChecks.ConsoleOf(resource, e.Services), cancellationToken);
                // A database is no process of its own: it runs once it exists on a running server. Aspire's health
                // checks (and with them WaitFor) only watch a resource that is Running.
                var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
                foreach (var database in resource.Databases)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = snapshot.StartTimeStamp ?? DateTime.UtcNow,
                    });
                }
            });
    }

    /// <summary>A database on the server, created (if missing) once the server is ready; ready when a query on it answers.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new ResourcePropertySnapshot(CustomResourceKnownProperties.Source, server.Resource.Name)],
            })
            .WithParentRelationship(server)
            .WithLocalHealthCheck(new PostgresHealthCheck(database.ConnectionStringExpression.GetValueAsync));
    }

    private static IEnumerable<string> Settings(bool durable)
    {
        yield return "listen_addresses=127.0.0.1";
        // No Unix socket: two clusters on one machine must never collide on /var/run/postgresql.
        yield return "unix_socket_directories=";
        yield return string.Create(CultureInfo.InvariantCulture, $"max_connections={200}");
        if (!durable)
        {
            // Test clusters are thrown away, so durability is traded for speed.
            yield return "fsync=off";
            yield return "synchronous_commit=off";
            yield return "full_page_writes=off";
        }
    }
}
