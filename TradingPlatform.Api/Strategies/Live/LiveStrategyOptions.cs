using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Strategies.Live;

/// <summary>The <c>Strategies:Live</c> section.</summary>
public sealed class LiveStrategyOptions
{
    public const string Section = "Strategies:Live";

    /// <summary>How often the runner re-reads which strategies are active; a pause or deactivation also takes effect before any order.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many stored bars warm an algorithm up when it starts; 0 starts it cold (as a tick replay from nothing does).</summary>
    [Range(0, 20_000)]
    public int MaxWarmUpBars { get; set; } = 6_000;
}
