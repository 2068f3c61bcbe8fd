using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace TradingPlatform.Hosting.LocalServers.Infrastructure;

/// <summary>The AppHost's settings for local servers, read from configuration (<c>AppHost:*</c>).</summary>
public sealed record LocalServerSettings(string DataPath, bool DurableData)
{
    public const string DataPathKey = "AppHost:DataPath";
    public const string DurableDataKey = "AppHost:DurableData";

    /// <summary>
    /// <c>AppHost:DataPath</c> (default <see cref="DataPaths.Default"/>) and <c>AppHost:DurableData</c> (default true;
    /// a test run turns it off: its servers are thrown away, so fsync and the append-only file only cost time).
    /// </summary>
    public static LocalServerSettings From(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataPath = builder.Configuration[DataPathKey];
        return new LocalServerSettings(
            string.IsNullOrWhiteSpace(dataPath) ? DataPaths.Default() : Path.GetFullPath(dataPath),
            builder.Configuration.GetValue(DurableDataKey, true));
    }

    public string ServerDirectory(string resourceName) => Path.Combine(DataPath, resourceName);
}
