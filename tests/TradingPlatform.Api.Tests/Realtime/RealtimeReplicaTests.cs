using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>Two Api instances on the same PostgreSQL and Redis play two replicas behind a load balancer.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeReplicaTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_event_handled_on_one_replica_and_a_price_published_on_it_reach_a_client_of_the_other()
    {
        await using var a = await TradingKit.StartTradingAsync(infrastructure);
        await using var b = await TradingKit.StartTradingAsync(infrastructure, a.ReplicaSetting);
        var (user, client) = await a.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();

        // Each instance has its own signing key: the client of B holds a token B issued.
        await using var onB = await RealtimeSocket.ConnectAuthenticatedAsync(b, await b.MintTokenAsync(user));
        await onB.SubscribeAsync("orders");
        await onB.SendAsync(new { type = "subscribe", channel = "price_updates", symbols = new[] { "EURUSD" } });
        await onB.WaitForAsync("subscribed");

        var e = RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", a.Time!.GetUtcNow());
        await a.HandleAsync(e);
        var update = await onB.WaitForAsync("order_update");
        Assert.Equal(e.Order.Id, update.GetProperty("data").GetProperty("id").GetGuid());

        await a.PublishAsync("EURUSD", 1.08m, 1.0802m);
        var price = await onB.WaitForAsync("price_update");
        Assert.Equal(1.08m, price.GetProperty("data").GetProperty("bid").GetDecimal());

        // A client of A resumes what B's client saw: the seq is the same on both replicas.
        await using var onA = await RealtimeSocket.ConnectAuthenticatedAsync(a, await a.MintTokenAsync(user));
        await onA.SendAsync(new { type = "resume", channel = "orders", lastSeq = update.GetProperty("seq").GetInt64() - 1 });
        var replayed = await onA.WaitForAsync("order_update");
        Assert.Equal(update.GetProperty("seq").GetInt64(), replayed.GetProperty("seq").GetInt64());
        Assert.Equal(e.Order.Id, replayed.GetProperty("data").GetProperty("id").GetGuid());
    }
}
