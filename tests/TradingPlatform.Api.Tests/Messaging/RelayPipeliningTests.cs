using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using Xunit.Abstractions;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// The relay publishes batches with pipelined confirms: many rows all reach a consumer, once each and in order, and
/// are marked sent; rows written while the broker is down wait and follow once it is back. This test kills its own
/// servers' broker, so it starts its own set rather than sharing the collection's.
/// </summary>
public sealed class RelayPipeliningTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FirstRows = 1_000;
    private const int RowsWhileDown = 300;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly InfrastructureFixture _servers = new();

    public Task InitializeAsync() => _servers.InitializeAsync();

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Fact]
    public async Task Many_rows_are_published_in_order_and_marked_sent_and_none_is_lost_across_a_broker_restart()
    {
        await using var consumer = await TestConsumerHost.StartAsync(_servers.Configuration);
        await using var api = await TradingKit.StartTradingAsync(_servers, ("MessagingOptions:MaxRetryDelay", "00:00:01"));
        var accountId = Guid.NewGuid();

        var watch = Stopwatch.StartNew();
        var written = await WriteAsync(api, accountId, FirstRows);
        var writing = watch.Elapsed;
        await Poll.UntilAsync(() => PendingAsync(api), pending => pending == 0, Timeout, "every row to be sent");
        var relayed = watch.Elapsed - writing;
        var received = await consumer.WaitForAsync(e => OutboxRows.AccountOf(e) == accountId, events => events.Count >= FirstRows, "every event");
        output.WriteLine($"{FirstRows} rows written in {writing.TotalMilliseconds:F0} ms, the rest relayed {relayed.TotalMilliseconds:F0} ms later "
            + $"(≈{FirstRows / (writing + relayed).TotalSeconds:F0} rows/s end to end, polled every 100 ms), consumed by {watch.Elapsed.TotalMilliseconds:F0} ms");
        // Publishing order is the outbox's sequence (within one SaveChanges EF inserts rows in key order, not in Add order).
        var first = (await OutboxRows.ForAccountAsync(api, accountId)).Select(row => row.Id).ToList();
        Assert.Equal(written.Order(), first.Order());
        Assert.Equal(first, received.Select(e => e.Id));

        await ServerProcess.KillAsync(_servers.Application, "messaging");
        var second = await WriteAsync(api, accountId, RowsWhileDown);
        var sequence = (await OutboxRows.ForAccountAsync(api, accountId)).Select(row => row.Id).ToList();
        // Nothing can be confirmed while the broker is down: the rows wait, unsent.
        Assert.Equal(RowsWhileDown, await UnsentAsync(api, second));
        await ServerProcess.WaitUntilRestartedAsync(_servers.Application, "messaging");

        await Poll.UntilAsync(() => PendingAsync(api), pending => pending == 0, Timeout, "the rows written during the outage to be sent");
        var all = await consumer.WaitForAsync(e => OutboxRows.AccountOf(e) == accountId, events => events.Count >= FirstRows + RowsWhileDown,
            "every event after the restart");
        // Once each (a re-sent row is dropped by the consumer's inbox) and in the order written.
        Assert.Equal(FirstRows + RowsWhileDown, sequence.Count);
        Assert.Equal(sequence, all.Select(e => e.Id));
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        Guid[] ids = [.. first, .. second];
        Assert.Equal(ids.Length, await db.Set<OutboxMessage>().CountAsync(m => ids.Contains(m.Id) && m.SentAt != null));
    }

    /// <summary>Writes <paramref name="count"/> account changes in batches of 100 commits, as many orders would; answers their ids in order.</summary>
    private static async Task<List<Guid>> WriteAsync(ApiFactory api, Guid accountId, int count)
    {
        var ids = new List<Guid>(count);
        for (var written = 0; written < count; written += 100)
        {
            await using var scope = api.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = written; i < Math.Min(count, written + 100); i++)
            {
                var change = new AccountChangedIntegrationEvent(Guid.NewGuid(), accountId, [], [], [], null) { OccurredAt = DateTimeOffset.UtcNow };
                outbox.Add(change);
                ids.Add(change.Id);
            }

            await scope.ServiceProvider.GetRequiredService<TradingDbContext>().SaveChangesAsync();
        }

        return ids;
    }

    private static async Task<int> UnsentAsync(ApiFactory api, List<Guid> ids)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Set<OutboxMessage>().CountAsync(m => ids.Contains(m.Id) && m.SentAt == null);
    }

    private static async Task<long> PendingAsync(ApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutboxStatusReader<TradingDbContext>>().ReadAsync(CancellationToken.None)).Pending;
    }
}
