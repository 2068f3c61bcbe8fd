using Microsoft.Extensions.Configuration;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.Hosting;

/// <summary>
/// A configured <c>ConnectionStrings:{name}</c> makes that resource external (Aspire's AddConnectionString): it is
/// used as given and nothing is started for it. A server whose every database is external is not started either.
/// </summary>
internal static class ExternalResources
{
    public static void Apply(IReadOnlyList<IResource> resources, IConfiguration configuration)
    {
        foreach (var resource in resources)
        {
            var configured = configuration.GetConnectionString(resource.Name);
            if (string.IsNullOrWhiteSpace(configured))
            {
                continue;
            }

            switch (resource)
            {
                case ServerResource server:
                    server.ExternalConnectionString = configured;
                    break;
                case PostgresDatabaseResource database:
                    database.ExternalConnectionString = configured;
                    break;
            }
        }

        foreach (var server in resources.OfType<PostgresServerResource>())
        {
            if (!server.IsExternal && server.Databases.Count > 0 && server.Databases.All(d => d.ExternalConnectionString is not null)
                && !resources.OfType<Resource>().Any(r => r.References.Contains(server)))
            {
                server.ExternalConnectionString = server.Databases[0].ExternalConnectionString;
            }
        }
    }
}
