using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Market.Feed;

/// <summary>The <c>Market:Feed</c> section: the simulated price feed.</summary>
public sealed class MarketFeedOptions : IValidatableObject
{
    public const string Section = "Market:Feed";

    /// <summary>Run the feed (on the one replica that wins the leader election).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between ticks.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seeds the price model (and the generated history); unset means a different market on every start.</summary>
    public int? Seed { get; set; }

    /// <summary>How long the leader's lease lasts without renewal: the longest a crashed leader's feed stays silent.</summary>
    public TimeSpan LeaderLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Redis key of the feed's leader election (in the deployment's <c>Redis:KeyPrefix</c>).</summary>
    [Required]
    public string LeaderKey { get; set; } = "market:feed:leader";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TickInterval < TimeSpan.FromMilliseconds(10) || TickInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("TickInterval must be between 10 ms and 1 minute.", [nameof(TickInterval)]);
        }

        if (LeaderLease < 2 * TickInterval)
        {
            yield return new ValidationResult("LeaderLease must be at least two tick intervals (the leader renews every tick).", [nameof(LeaderLease)]);
        }
    }
}
