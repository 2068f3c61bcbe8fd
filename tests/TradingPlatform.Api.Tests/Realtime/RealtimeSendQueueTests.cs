using TradingPlatform.Api.Realtime.Connections;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>The send queue on its own: conflation, the bound, and closing.</summary>
public sealed class RealtimeSendQueueTests
{
    [Fact]
    public async Task A_conflatable_message_replaces_the_queued_one_with_its_key_in_place()
    {
        using var queue = new SendQueue(8);
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([1], ConflationKey: "p:BTC")));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([2], ConflationKey: "p:ETH")));
        Assert.Equal(EnqueueResult.Conflated, queue.Enqueue(new Outbound([3], ConflationKey: "p:BTC")));
        Assert.Equal(2, queue.Count);

        Assert.Equal([3], (await queue.DequeueAsync(CancellationToken.None)).Body);
        Assert.Equal([2], (await queue.DequeueAsync(CancellationToken.None)).Body);
        // Once sent, the key is free again: the next tick queues rather than replaces.
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([4], ConflationKey: "p:BTC")));
    }

    [Fact]
    public void When_full_a_tick_is_dropped_and_a_critical_message_reports_overflow()
    {
        using var queue = new SendQueue(2);
        queue.Enqueue(new Outbound([1], Critical: true));
        queue.Enqueue(new Outbound([2], Critical: true));
        Assert.Equal(EnqueueResult.Dropped, queue.Enqueue(new Outbound([3], ConflationKey: "p:BTC")));
        Assert.Equal(EnqueueResult.Overflow, queue.Enqueue(new Outbound([4], Critical: true)));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([5], Critical: true, Replay: true)));
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public async Task Close_sends_the_queued_messages_first_unless_told_to_discard_them()
    {
        using var keep = new SendQueue(4);
        keep.Enqueue(new Outbound([1]));
        Assert.True(keep.Close(4001, "bye"));
        Assert.False(keep.Close(4001, "again"));
        Assert.Equal(EnqueueResult.Closed, keep.Enqueue(new Outbound([2])));
        Assert.Equal([1], (await keep.DequeueAsync(CancellationToken.None)).Body);
        Assert.Equal(4001, (await keep.DequeueAsync(CancellationToken.None)).CloseCode);

        using var discard = new SendQueue(4);
        discard.Enqueue(new Outbound([1]));
        discard.Close(4008, "slow", discardPending: true);
        Assert.Equal(4008, (await discard.DequeueAsync(CancellationToken.None)).CloseCode);
    }
}
