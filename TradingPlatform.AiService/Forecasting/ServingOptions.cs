using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>The <c>Forecasting:Serving</c> section.</summary>
public sealed class ServingOptions
{
    public const string Section = "Forecasting:Serving";

    /// <summary>
    /// How often a replica re-reads the registry without being told: the safety net for a ModelActivated event it
    /// missed. Activations normally arrive by the event within milliseconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
