namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// Where the AiService simulates Monte Carlo price paths: the backend (<c>Cuda</c> for the ILGPU kernel on a GPU,
/// <c>Cpu</c> for plain C# on every core), the device's name, and why a GPU is not used when it is not.
/// </summary>
public sealed record MonteCarloInfo(string Backend, string Device, string? GpuUnavailableReason);
