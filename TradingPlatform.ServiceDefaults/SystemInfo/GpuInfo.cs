namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// A GPU in seed 003's shape (memory in MiB, utilization in percent): what the AiService lists and the Api's
/// <c>/api/status</c> passes on, so both sides share one contract.
/// </summary>
public sealed record GpuInfo(string Id, string Name, long MemoryTotal, long MemoryUsed, double? Utilization);
