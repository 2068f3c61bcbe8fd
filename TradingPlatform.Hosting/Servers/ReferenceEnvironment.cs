using System.Globalization;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting.Servers;

/// <summary>The environment variables a resource's references and WithEnvironment calls produce, named as Aspire names them.</summary>
internal static class ReferenceEnvironment
{
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(Resource resource, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in resource.References)
        {
            if (reference is IResourceWithConnectionString withConnectionString)
            {
                var connectionString = await withConnectionString.GetConnectionStringAsync(cancellationToken)
                    ?? throw new DistributedApplicationException($"{resource.Name}: the connection string of {reference.Name} is not known yet");
                environment[$"ConnectionStrings__{withConnectionString.ConnectionStringName}"] = connectionString;
            }

            if (reference is IResourceWithServiceDiscovery withEndpoints)
            {
                foreach (var group in withEndpoints.Endpoints.GroupBy(e => e.Scheme, StringComparer.Ordinal))
                {
                    var index = 0;
                    foreach (var endpoint in group)
                    {
                        var url = endpoint.AllocatedPort is null
                            ? throw new DistributedApplicationException($"{resource.Name}: {reference.Name} has no port yet")
                            : endpoint.Url.ToString().TrimEnd('/');
                        environment[string.Create(CultureInfo.InvariantCulture, $"services__{reference.Name}__{group.Key}__{index++}")] = url;
                    }
                }
            }
        }

        foreach (var (name, value) in resource.Environment)
        {
            if (await value(cancellationToken) is { } resolved)
            {
                environment[name] = resolved;
            }
        }

        return environment;
    }
}
