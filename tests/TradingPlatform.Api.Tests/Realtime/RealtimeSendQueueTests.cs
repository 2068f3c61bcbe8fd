using TradingPlatform.Api.Realtime.Connections;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>The send queue on its own: conflation only while the client is behind, the bound, and closing.</summary>
public sealed class RealtimeSendQueueTests
{
    [Fact]
    public async Task A_client_that_keeps_up_gets_every_tick_even_with_two_of_one_symbol_queued()
    {
        using var queue = new SendQueue(64);
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([1], ConflationKey: "p:BTC")));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([2], ConflationKey: "p:ETH")));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([3], ConflationKey: "p:BTC")));
        Assert.Equal(3, queue.Count);

        foreach (var expected in new byte[] { 1, 2, 3 })
        {
            Assert.Equal([expected], (await queue.DequeueAsync(CancellationToken.None)).Body);
        }
    }

    [Fact]
    public async Task A_stalled_client_gets_the_latest_tick_per_symbol_until_its_write_completes()
    {
        using var queue = new SendQueue(64);
        queue.Enqueue(new Outbound([1], ConflationKey: "p:BTC"));
        queue.Enqueue(new Outbound([2], ConflationKey: "p:ETH"));
        queue.Enqueue(new Outbound([3], ConflationKey: "p:BTC"));
        queue.Enqueue(new Outbound([9], Critical: true));

        // The stall folds what is queued down to the latest per key (messages without a key stay), in order.
        Assert.Equal(1, queue.MarkStalled());
        Assert.True(queue.IsStalled);
        Assert.Equal(EnqueueResult.Conflated, queue.Enqueue(new Outbound([4], ConflationKey: "p:BTC")));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([5], ConflationKey: "p:SOL")));
        Assert.Equal(4, queue.Count);
        foreach (var expected in new byte[] { 2, 4, 9, 5 })
        {
            Assert.Equal([expected], (await queue.DequeueAsync(CancellationToken.None)).Body);
        }

        // Flowing again: every tick queues.
        queue.MarkFlowing();
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([6], ConflationKey: "p:BTC")));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([7], ConflationKey: "p:BTC")));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void A_backlog_of_a_quarter_of_the_capacity_conflates_without_a_stall()
    {
        using var queue = new SendQueue(8);
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([1], ConflationKey: "p:BTC")));
        Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([2], ConflationKey: "p:ETH")));
        Assert.Equal(EnqueueResult.Conflated, queue.Enqueue(new Outbound([3], ConflationKey: "p:BTC")));
        Assert.Equal(2, queue.Count);
        Assert.True(queue.TryPeek(out var first));
        Assert.Equal([3], first.Body);
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
    public async Task The_ring_grows_past_its_first_size_and_keeps_the_order()
    {
        using var queue = new SendQueue(1_000);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(EnqueueResult.Queued, queue.Enqueue(new Outbound([(byte)i], Critical: true)));
            if (i % 3 == 0)
            {
                // Dequeue now and then so that the ring wraps before it grows.
                Assert.Equal([(byte)(i / 3)], (await queue.DequeueAsync(CancellationToken.None)).Body);
            }
        }

        var rest = new List<byte>();
        while (queue.TryDequeue(out var message))
        {
            rest.Add(message.Body[0]);
        }

        Assert.Equal(Enumerable.Range(34, 66).Select(i => (byte)i), rest);
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_a_later_message_and_by_cancellation()
    {
        using var queue = new SendQueue(4);
        var waiting = queue.DequeueAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        queue.Enqueue(new Outbound([1]));
        Assert.Equal([1], (await waiting.WaitAsync(TimeSpan.FromSeconds(15))).Body);

        using var cancellation = new CancellationTokenSource();
        var cancelled = queue.DequeueAsync(cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(15)));
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
