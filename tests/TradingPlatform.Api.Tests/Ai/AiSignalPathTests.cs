using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Realtime;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Tests.Ai;

/// <summary>The AiService's AiSignalGenerated, handled by the Api: one signal of source ai however often it arrives, and ai_signal on the WebSocket.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class AiSignalPathTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_ai_signal_delivered_twice_is_stored_once_with_source_ai_and_reaches_subscribers_as_ai_signal()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var user = await factory.CreateUserAsync();
        await using var socket = await RealtimeSocket.ConnectAuthenticatedAsync(factory, await factory.MintTokenAsync(user));
        await socket.SubscribeAsync("signals");

        var now = factory.Time!.GetUtcNow();
        var e = new AiSignalGeneratedIntegrationEvent(Guid.CreateVersion7(), Guid.CreateVersion7(), "EURUSD", "sell", 0.75m,
            "price 1.0842 is 0.3 % below resistance 1.0875 (3 touches)", 1.0842m, "support_resistance", "1h", now) { OccurredAt = now };
        await factory.HandleAsync(e);
        await factory.HandleAsync(e);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            var stored = Assert.Single(await db.Set<Signal>().AsNoTracking().Where(s => s.Id == SignalId.From(e.SignalId)).ToListAsync());
            Assert.Equal((SignalSourceKind.Ai, "EURUSD", SignalSide.Sell, -0.75m), (stored.Source.Kind, stored.Symbol, stored.Side, stored.Score));
            Assert.Equal("ai:support_resistance", stored.Pattern);
            var payloads = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Type == nameof(SignalGeneratedIntegrationEvent)).Select(m => m.Payload).ToListAsync();
            var announced = Assert.Single(payloads.Select(p => JsonSerializer.Deserialize<SignalGeneratedIntegrationEvent>(p, IntegrationEventSerializer.Options)!),
                s => s.SignalId == e.SignalId);
            Assert.Equal(("ai", "sell", 0.75m, 1.0842m, e.Reasoning), (announced.Source, announced.Signal, announced.Confidence, announced.Price, announced.Reasoning));

            // What the consumer does with the announcement (the relay may also deliver it: either way once per event id).
            await factory.HandleAsync(announced);
        }

        var ai = await socket.WaitForAsync("ai_signal", m => m.GetProperty("data").GetProperty("id").GetGuid() == e.SignalId);
        var data = ai.GetProperty("data");
        Assert.Equal(("EURUSD", "sell", 0.75m, 1.0842m), (data.GetProperty("symbol").GetString(), data.GetProperty("signal").GetString(),
            data.GetProperty("confidence").GetDecimal(), data.GetProperty("price").GetDecimal()));
        Assert.Equal(e.Reasoning, data.GetProperty("reasoning").GetString());
    }
}
