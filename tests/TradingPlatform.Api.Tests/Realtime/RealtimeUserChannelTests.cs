using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Realtime.Protocol;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimeUserChannelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Both_clients_of_a_user_get_its_order_and_position_updates_and_another_user_gets_none()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (owner, ownerClient) = await factory.CreateUserWithClientAsync();
        var (other, otherClient) = await factory.CreateUserWithClientAsync();
        var accountId = await ownerClient.CreateAccountAsync();
        var otherAccountId = await otherClient.CreateAccountAsync();
        await using var first = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(owner));
        await using var second = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(owner));
        await using var stranger = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(other));
        foreach (var socket in new[] { first, second, stranger })
        {
            await socket.SubscribeAsync("orders", "positions");
        }

        var (order, position) = await factory.BuyAsync(ownerClient, accountId);
        var now = factory.Time!.GetUtcNow();
        await factory.HandleAsync(RealtimeEvents.OrderUpdated(owner.Id, order, now));
        await factory.HandleAsync(RealtimeEvents.PositionChanged(owner.Id, "OPENED", position, now));
        // The stranger's own event, fanned out after the owner's: once it arrives, anything leaked would have too.
        var sentinel = RealtimeEvents.SyntheticOrder(other.Id, otherAccountId, "open", now);
        await factory.HandleAsync(sentinel);

        foreach (var socket in new[] { first, second })
        {
            var orderUpdate = await socket.WaitForAsync("order_update");
            Assert.Equal("orders", orderUpdate.GetProperty("channel").GetString());
            var data = orderUpdate.GetProperty("data");
            Assert.Equal(order.GetProperty("id").GetGuid(), data.GetProperty("id").GetGuid());
            Assert.Equal("filled", data.GetProperty("status").GetString());
            Assert.Equal(0.5m, data.GetProperty("filledQuantity").GetDecimal());
            Assert.Equal(order.GetProperty("averagePrice").GetDecimal(), data.GetProperty("averagePrice").GetDecimal());

            var positionUpdate = await socket.WaitForAsync("position_update");
            Assert.True(positionUpdate.GetProperty("seq").GetInt64() >= 1);
            AssertSeed000Position(positionUpdate.GetProperty("data"), position, accountId);
        }

        var own = await stranger.WaitForAsync("order_update");
        Assert.Equal(sentinel.Order.Id, own.GetProperty("data").GetProperty("id").GetGuid());
        Assert.DoesNotContain(stranger.Seen, m => m.GetProperty("type").GetString() is "order_update" or "position_update");
    }

    [Fact]
    public async Task A_redelivered_event_is_sent_once_and_takes_no_second_seq()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("orders");

        var now = factory.Time!.GetUtcNow();
        var once = RealtimeEvents.SyntheticOrder(user.Id, accountId, "open", now);
        var next = RealtimeEvents.SyntheticOrder(user.Id, accountId, "cancelled", now);
        await factory.HandleAsync(once);
        await factory.HandleAsync(once);
        await factory.HandleAsync(next);

        var a = await socket.WaitForAsync("order_update");
        var b = await socket.WaitForAsync("order_update");
        Assert.Equal(once.Order.Id, a.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(next.Order.Id, b.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(a.GetProperty("seq").GetInt64() + 1, b.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task The_account_endpoint_streams_its_own_account_and_refuses_another_users_with_4003()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (owner, ownerClient) = await factory.CreateUserWithClientAsync();
        var intruder = await factory.CreateUserAsync();
        var accountId = await ownerClient.CreateAccountAsync();

        await using var mine = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(owner), $"/ws/accounts/{accountId}");
        foreach (var channel in new[] { "orders", "positions", "portfolio" })
        {
            await mine.WaitForAsync("subscribed", m => m.GetProperty("data").GetProperty("channel").GetString() == channel);
        }

        await using var theirs = await RealtimeSocket.ConnectAsync(factory, $"/ws/accounts/{accountId}");
        await theirs.SendAsync(new { token = await factory.MintTokenAsync(intruder) });
        Assert.Equal(CloseCodes.Forbidden, await theirs.WaitForCloseAsync());
        Assert.Contains(theirs.Seen, m => m.GetProperty("type").GetString() == "error"
            && m.GetProperty("data").GetProperty("code").GetString() == "AUTHORIZATION_ERROR");
        Assert.DoesNotContain(theirs.Seen, m => m.GetProperty("type").GetString() == "subscribed");

        var (order, _) = await factory.BuyAsync(ownerClient, accountId);
        await factory.HandleAsync(RealtimeEvents.OrderUpdated(owner.Id, order, factory.Time!.GetUtcNow()));
        var update = await mine.WaitForAsync("order_update");
        Assert.Equal(accountId, update.GetProperty("data").GetProperty("accountId").GetGuid());
    }

    [Fact]
    public async Task Every_integration_event_contract_has_a_registered_handler()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await using var scope = factory.Services.CreateAsyncScope();
        var contracts = typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(IntegrationEvent)))
            .ToList();
        Assert.True(contracts.Count >= 5);
        foreach (var contract in contracts)
        {
            var handler = scope.ServiceProvider.GetService(typeof(IIntegrationEventHandler<>).MakeGenericType(contract));
            Assert.True(handler is not null, $"No handler for {contract.Name}");
        }
    }

    private static void AssertSeed000Position(JsonElement update, JsonElement position, Guid accountId)
    {
        Assert.Equal("OPENED", update.GetProperty("action").GetString());
        Assert.True(update.TryGetProperty("timestamp", out _));
        var p = update.GetProperty("position");
        Assert.Equal(position.GetProperty("id").GetGuid(), p.GetProperty("id").GetGuid());
        Assert.Equal(accountId, p.GetProperty("accountId").GetGuid());
        Assert.Equal("BTC-USD", p.GetProperty("symbol").GetString());
        Assert.Equal("LONG", p.GetProperty("side").GetString());
        Assert.Equal(0.5m, p.GetProperty("quantity").GetDecimal());
        Assert.Equal(position.GetProperty("entryPrice").GetDecimal(), p.GetProperty("entryPrice").GetDecimal());
        Assert.Equal(position.GetProperty("currentPrice").GetDecimal(), p.GetProperty("currentPrice").GetDecimal());
        Assert.Equal(position.GetProperty("unrealizedPnl").GetDecimal(), p.GetProperty("unrealizedPnl").GetDecimal());
        Assert.Equal(position.GetProperty("unrealizedPnlPercent").GetDecimal(), p.GetProperty("unrealizedPnlPercent").GetDecimal());
        Assert.Equal(2m, p.GetProperty("leverage").GetDecimal());
        Assert.Equal(55_000m, p.GetProperty("stopLoss").GetDecimal());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("takeProfit").ValueKind);
        Assert.Equal(position.GetProperty("liquidationPrice").GetDecimal(), p.GetProperty("liquidationPrice").GetDecimal());
        Assert.Equal(position.GetProperty("margin").GetDecimal(), p.GetProperty("margin").GetDecimal());
        Assert.Equal(position.GetProperty("entryTime").GetInt64(), p.GetProperty("entryTime").GetInt64());
        Assert.Equal(TradingKit.MarketsOpen.ToUnixTimeMilliseconds(), p.GetProperty("entryTime").GetInt64());
    }
}
