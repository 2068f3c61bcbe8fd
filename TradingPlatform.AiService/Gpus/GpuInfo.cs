namespace TradingPlatform.AiService.Gpus;

/// <summary>A GPU of this machine (seed 003's shape); memory in MiB, utilization in percent.</summary>
public sealed record GpuInfo(string Id, string Name, long MemoryTotal, long MemoryUsed, double? Utilization);
