using System.ComponentModel;
using System.Diagnostics;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Gpus;

/// <summary>Lists the machine's NVIDIA GPUs through nvidia-smi; an empty list where there is none (or no driver).</summary>
public sealed class GpuProbe(ILogger<GpuProbe> logger)
{
    public async Task<IReadOnlyList<GpuInfo>> ListAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", NvidiaSmiParser.Arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return [];
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? NvidiaSmiParser.Parse(output) : [];
        }
        catch (Win32Exception)
        {
            return []; // nvidia-smi is not installed: no GPU
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("nvidia-smi did not answer within 5 s");
            return [];
        }
    }
}
