namespace TradingPlatform.Messaging.Consumers;

/// <summary>A consumer this service runs, by its default name (see <see cref="MessagingOptions.ConsumerName"/>).</summary>
public sealed record ConsumerRegistration(string DefaultName)
{
    public string EffectiveName(MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ConsumerName) ? DefaultName : options.ConsumerName;
    }
}
