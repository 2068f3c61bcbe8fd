using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.LocalServers.Processes;

namespace TradingPlatform.Hosting.LocalServers;

/// <summary>
/// Checks, before anything starts, what would otherwise surface as a server that silently never becomes healthy: a
/// missing binary, a data folder that cannot be written, a fixed port another program holds. The first problem stops
/// the AppHost with one line naming the resource, the cause and the fix (<see cref="LocalServerException"/>).
/// </summary>
internal static class LocalServerPreflight
{
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, object> Registered = [];

    public static void Register(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode || Registered.TryGetValue(builder, out _))
        {
            return;
        }

        Registered.Add(builder, new object());
        var randomizedPorts = builder.Configuration.GetValue("DcpPublisher:RandomizePorts", false);
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) => CheckAsync(e.Model, randomizedPorts, cancellationToken));
    }

    private static async Task CheckAsync(DistributedApplicationModel model, bool randomizedPorts, CancellationToken cancellationToken)
    {
        if (ProcessUser.IsRoot && !File.Exists(ServerCommand.SetPriv))
        {
            throw new LocalServerException(
                $"local servers: {ServerCommand.SetPriv} is missing, and PostgreSQL and RabbitMQ must not run as root; install it with: apt-get install -y util-linux");
        }

        foreach (var resource in model.Resources)
        {
            if (!resource.TryGetLastAnnotation<LocalServerAnnotation>(out var server))
            {
                continue;
            }

            if (server.Binaries.FirstOrDefault(b => b.Path is null) is { } missing)
            {
                throw new LocalServerException(
                    $"{resource.Name}: {missing.Name} is not installed; install it with: apt-get install -y {missing.Package} (./run.sh and ./test.sh do this)");
            }

            var owner = ProcessUser.IsRoot ? server.SystemUser : null;
            if (await DataFolder.PrepareAsync(server.DataDirectory, owner, cancellationToken) is { } problem)
            {
                throw new LocalServerException($"{resource.Name}: {problem}");
            }
        }

        if (randomizedPorts)
        {
            return;
        }

        foreach (var resource in model.Resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                if (endpoint.Port is { } port && !Ports.IsFree(port))
                {
                    throw new LocalServerException(
                        $"{resource.Name}: port {port} ({endpoint.Name}) is in use by another program; stop that program (ss -ltnp 'sport = :{port}' names it) and start again");
                }
            }
        }
    }
}
