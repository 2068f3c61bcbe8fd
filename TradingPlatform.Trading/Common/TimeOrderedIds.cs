namespace TradingPlatform.Trading.Common;

/// <summary>Version 7 GUIDs: unique and time-ordered, so new rows land at the end of their primary-key index.</summary>
public sealed class TimeOrderedIds : IIdGenerator
{
    public static TimeOrderedIds Instance { get; } = new();

    public Guid Next() => Guid.CreateVersion7();
}
