namespace TradingPlatform.Messaging.Consumers;

/// <summary>
/// A consumer's queues: <c>{name}</c> (bound to the exchange), <c>{name}.retry</c> (messages wait out their back-off
/// there, then expire back into <c>{name}</c>) and <c>{name}.dead-letter</c> (messages that failed every attempt or
/// cannot be read, kept until an operator looks at them).
/// </summary>
public sealed record ConsumerQueues(string Name)
{
    public string Queue => Name;

    public string Retry => $"{Name}.retry";

    public string DeadLetter => $"{Name}.dead-letter";
}
