using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Messaging;

/// <summary>Settings of the outbox relay and the consumers (section <c>MessagingOptions</c>).</summary>
public sealed class MessagingOptions : IValidatableObject
{
    /// <summary>The one durable topic exchange every integration event is published to.</summary>
    [Required]
    public string ExchangeName { get; set; } = "tradingplatform.events";

    /// <summary>Outbox rows the relay reads, publishes (confirms awaited together) and marks sent at a time.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the relay looks for rows written by other replicas (its own commits wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Back-off ceiling of the relay while the broker is down, and of consumer retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First consumer retry delay; each further attempt doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries of one message to a handler before it goes to the dead-letter queue.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Unacknowledged messages a consumer holds at once (at least <see cref="ConsumerConcurrency"/>).</summary>
    [Range(1, 1000)]
    public ushort Prefetch { get; set; } = 32;

    /// <summary>
    /// Messages a consumer handles at the same time. Messages of one <see cref="IntegrationEvent.PartitionKey"/> (one
    /// account, one backtest) are still handled one after another, in the order they arrived.
    /// </summary>
    [Range(1, 256)]
    public int ConsumerConcurrency { get; set; } = 8;

    /// <summary>How long sent outbox rows (and inbox rows) are kept before they are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Overrides the service's consumer (queue) name. Normally unset: each service names its consumer
    /// (<c>api.realtime</c>, <c>worker.analytics</c>); tests set it to keep their queues apart.
    /// </summary>
    public string? ConsumerName { get; set; }

    /// <summary>Consumers whose dead-letter queues the admin endpoint lists, besides this service's own.</summary>
    public IList<string> DeadLetterConsumers { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Prefetch < ConsumerConcurrency)
        {
            // Fewer messages in hand than handlers would leave handlers idle: a configuration mistake, not a tuning.
            yield return new ValidationResult(
                $"{nameof(Prefetch)} ({Prefetch}) must be at least {nameof(ConsumerConcurrency)} ({ConsumerConcurrency}).",
                [nameof(Prefetch), nameof(ConsumerConcurrency)]);
        }
    }
}
