namespace TradingPlatform.Api.Monitoring;

/// <summary>A GPU as the AiService reports it; memory in MiB, utilization in percent.</summary>
public sealed record GpuInfo(string Id, string Name, long MemoryTotal, long MemoryUsed, double? Utilization);
