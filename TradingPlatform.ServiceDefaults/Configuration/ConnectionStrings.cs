using Microsoft.Extensions.Configuration;

namespace TradingPlatform.ServiceDefaults.Configuration;

/// <summary>Reads the <c>ConnectionStrings:&lt;name&gt;</c> values that the AppHost injects.</summary>
internal static class ConnectionStrings
{
    /// <summary>
    /// Fails at start-up, naming the key, rather than at the first request with a driver's cryptic error.
    /// </summary>
    public static string GetRequired(IConfiguration configuration, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var connectionString = configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. It should be provided in 'ConnectionStrings:{connectionName}' " +
                $"(environment variable 'ConnectionStrings__{connectionName}').");
        }

        return connectionString;
    }
}
