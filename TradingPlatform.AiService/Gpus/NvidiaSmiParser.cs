using System.Globalization;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Gpus;

/// <summary>
/// Parses <c>nvidia-smi --query-gpu=index,name,memory.total,memory.used,utilization.gpu --format=csv,noheader,nounits</c>.
/// </summary>
public static class NvidiaSmiParser
{
    public const string Arguments = "--query-gpu=index,name,memory.total,memory.used,utilization.gpu --format=csv,noheader,nounits";

    public static IReadOnlyList<GpuInfo> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var gpus = new List<GpuInfo>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length < 5
                || !long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
                || !long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var used))
            {
                continue; // "[N/A]" or a driver message instead of a row
            }

            double? utilization = double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var u) ? u : null;
            gpus.Add(new GpuInfo($"gpu{fields[0]}", fields[1], total, used, utilization));
        }

        return gpus;
    }
}
