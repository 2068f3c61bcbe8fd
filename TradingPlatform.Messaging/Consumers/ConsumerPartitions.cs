namespace TradingPlatform.Messaging.Consumers;

/// <summary>
/// Which of a consumer's partitions handles an event: the same key always the same partition within one process, so one
/// account's changes are handled one after another, in order.
/// </summary>
public static class ConsumerPartitions
{
    public static int Of(string key, int partitions)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)partitions);
    }
}
