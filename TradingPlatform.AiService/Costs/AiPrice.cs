using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.AiService.Costs;

/// <summary>One price-table entry: local compute per device-second, a remote LLM per 1K input and output tokens.</summary>
public sealed class AiPrice
{
    [Range(typeof(decimal), "0", "1000000")]
    public decimal PerDeviceSecondUsd { get; set; }

    [Range(typeof(decimal), "0", "1000000")]
    public decimal Per1KInputTokensUsd { get; set; }

    [Range(typeof(decimal), "0", "1000000")]
    public decimal Per1KOutputTokensUsd { get; set; }

    /// <summary>The cost of a call that used these units.</summary>
    public decimal CostOf(long inputUnits, long outputUnits, double deviceSeconds) =>
        (PerDeviceSecondUsd * (decimal)deviceSeconds) + (Per1KInputTokensUsd * inputUnits / 1000m) + (Per1KOutputTokensUsd * outputUnits / 1000m);
}
