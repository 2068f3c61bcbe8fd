using Aspire.Hosting;

namespace TradingPlatform.Hosting.LocalServers;

/// <summary>A problem found before start whose one-line message names the resource, the cause and the fix.</summary>
public sealed class LocalServerException(string message) : DistributedApplicationException(message);
