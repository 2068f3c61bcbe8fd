using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Realtime;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class RealtimePublicChannelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_ai_signal_reaches_signal_subscribers_as_signal_and_ai_signal_once()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("signals");

        var now = factory.Time!.GetUtcNow();
        var signal = new SignalGeneratedIntegrationEvent(Guid.NewGuid(), "BTC-USD", "buy", 0.8m, "momentum", 60_000m, "ai", now) { OccurredAt = now };
        await factory.HandleAsync(signal);
        await factory.HandleAsync(signal);
        var manual = new SignalGeneratedIntegrationEvent(Guid.NewGuid(), "ETH-USD", "sell", 0.6m, null, null, "admin", now) { OccurredAt = now };
        await factory.HandleAsync(manual);

        var plain = await socket.WaitForAsync("signal", m => m.GetProperty("data").GetProperty("id").GetGuid() == signal.SignalId);
        Assert.Equal("signals", plain.GetProperty("channel").GetString());
        Assert.Equal(0.8m, plain.GetProperty("data").GetProperty("confidence").GetDecimal());
        var ai = await socket.WaitForAsync("ai_signal");
        Assert.Equal("buy", ai.GetProperty("data").GetProperty("signal").GetString());
        var third = await socket.WaitForAsync("signal", m => m.GetProperty("data").GetProperty("id").GetGuid() == manual.SignalId);
        Assert.Equal(3, third.GetProperty("seq").GetInt64());

        // The redelivery added nothing: nothing was skipped on the way, and the subscription's seqs run 1, 2, 3.
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() is "signal" or "ai_signal");
        Assert.Equal([1L, 2L], new[] { plain, ai }.Select(m => m.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task A_model_activated_reaches_signal_subscribers_as_model_activated_once()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("signals");

        var now = factory.Time!.GetUtcNow();
        var activated = new ModelActivatedIntegrationEvent(Guid.NewGuid(), "nbeats-ETH-USD-1h", 3, "ETH-USD", "1h", "Activated", now) { OccurredAt = now };
        await factory.HandleAsync(activated);
        await factory.HandleAsync(activated);

        var message = await socket.WaitForAsync("model_activated");
        Assert.Equal("signals", message.GetProperty("channel").GetString());
        var data = message.GetProperty("data");
        Assert.Equal((activated.ModelId, "nbeats-ETH-USD-1h", 3, "ETH-USD", "1h"), (data.GetProperty("modelId").GetGuid(), data.GetProperty("model").GetString(),
            data.GetProperty("version").GetInt32(), data.GetProperty("symbol").GetString(), data.GetProperty("interval").GetString()));
        Assert.Equal(1L, message.GetProperty("seq").GetInt64());

        // The redelivery added nothing: the next activation is the subscription's second message.
        var next = activated with { Id = Guid.NewGuid(), ModelId = Guid.NewGuid(), Version = 4 };
        await factory.HandleAsync(next);
        var second = await socket.WaitForAsync("model_activated", m => m.GetProperty("data").GetProperty("modelId").GetGuid() == next.ModelId);
        Assert.Equal(2L, second.GetProperty("seq").GetInt64());
        Assert.DoesNotContain(socket.Seen, m => m.GetProperty("type").GetString() == "model_activated");
    }

    [Fact]
    public async Task A_balance_change_sends_portfolio_balance_and_pnl_updates_to_the_owner()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SendAsync(new { type = "subscribe", channel = "portfolio", accountId });
        await socket.WaitForAsync("subscribed");

        var now = factory.Time!.GetUtcNow();
        await factory.HandleAsync(RealtimeEvents.BalanceChanged(user.Id, Guid.NewGuid(), new AccountBalanceSnapshot(1m, 1m, 0m, 1m, 0m, 0m, 0m, ["deposit"]), now));
        await factory.HandleAsync(RealtimeEvents.BalanceChanged(
            user.Id, accountId, new AccountBalanceSnapshot(99_990m, 100_040m, 1_000m, 99_040m, 50m, -10m, 40m, ["commission"]), now));

        var portfolio = await socket.WaitForAsync("portfolio_update");
        var balance = await socket.WaitForAsync("balance_update");
        var pnl = await socket.WaitForAsync("pnl_update");
        var data = portfolio.GetProperty("data");
        Assert.Equal(accountId, data.GetProperty("accountId").GetGuid());
        Assert.Equal(100_040m, data.GetProperty("totalValue").GetDecimal());
        Assert.Equal(99_040m, data.GetProperty("availableBalance").GetDecimal());
        Assert.Equal(50m, data.GetProperty("unrealizedPnl").GetDecimal());
        Assert.Equal(40m, data.GetProperty("dayPnl").GetDecimal());
        Assert.Equal(99_990m, balance.GetProperty("data").GetProperty("balance").GetDecimal());
        Assert.Equal("commission", balance.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(-10m, pnl.GetProperty("data").GetProperty("realizedPnl").GetDecimal());
        // The other account's event took seqs 1-3 of the channel but was filtered out: these are 4, 5, 6.
        Assert.Equal([4L, 5L, 6L], new[] { portfolio, balance, pnl }.Select(m => m.GetProperty("seq").GetInt64()));
    }
}
