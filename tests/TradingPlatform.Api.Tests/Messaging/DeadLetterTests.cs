using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>A message its handler cannot take is retried a bounded number of times, then dead-lettered, listed and replayable.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class DeadLetterTests(InfrastructureFixture infrastructure)
{
    private const int MaxAttempts = 3;

    [Fact]
    public async Task A_message_whose_handler_always_fails_is_dead_lettered_after_the_bounded_attempts_listed_for_admins_and_replayable()
    {
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration, MaxAttempts);
        await using var factory = await TradingKit.StartTradingAsync(infrastructure, ("MessagingOptions:DeadLetterConsumers:0", consumer.Name));
        var (_, admin) = await factory.CreateUserWithClientAsync("admin");

        var poison = await PostSignalAsync(admin, PoisonSymbolHandler.Symbol);
        var healthy = await PostSignalAsync(admin, "ETH-USD");

        var deadLetter = await WaitForDeadLetterAsync(admin, consumer.Name, poison);
        Assert.Equal(nameof(SignalGeneratedIntegrationEvent), deadLetter.GetProperty("type").GetString());
        Assert.Equal("signals.signal_generated", deadLetter.GetProperty("routingKey").GetString());
        Assert.Equal(MaxAttempts, deadLetter.GetProperty("attempts").GetInt32());
        Assert.Contains("cannot take signals", deadLetter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, deadLetter.GetProperty("failedAt").ValueKind);
        Assert.Equal(MaxAttempts, consumer.PoisonAttempts.Of(poison));
        // The failing message held nothing up, and nothing of it was recorded as processed.
        await consumer.WaitForAsync(e => e is SignalGeneratedIntegrationEvent s && s.SignalId == healthy, events => events.Count == 1, "the healthy signal");
        Assert.DoesNotContain(consumer.Received.All, e => e is SignalGeneratedIntegrationEvent s && s.SignalId == poison);

        using var replay = await admin.PostAsync(
            new Uri($"/api/admin/messaging/dead-letters/{consumer.Name}/{deadLetter.GetProperty("id").GetString()}/replay", UriKind.Relative), null);
        await replay.ReadDataAsync();
        // Replayed with a fresh count: it fails its attempts again and is back in the dead-letter queue, once.
        await Poll.UntilAsync(() => Task.FromResult(consumer.PoisonAttempts.Of(poison)), attempts => attempts == 2 * MaxAttempts,
            TimeSpan.FromSeconds(60), "the replayed message's attempts");
        await WaitForDeadLetterAsync(admin, consumer.Name, poison);
    }

    [Fact]
    public async Task The_messaging_admin_endpoints_are_for_admins_only()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, trader) = await factory.CreateUserWithClientAsync();
        var (_, admin) = await factory.CreateUserWithClientAsync("admin");
        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/api/admin/messaging/outbox", "/api/admin/messaging/dead-letters" })
        {
            using (var response = await anonymous.GetAsync(path))
            {
                await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized);
            }

            using (var response = await trader.GetAsync(path))
            {
                await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Forbidden);
            }
        }

        var outbox = await admin.GetDataAsync("/api/admin/messaging/outbox");
        Assert.True(outbox.GetProperty("pending").GetInt64() >= 0);
        var queues = await admin.GetDataAsync("/api/admin/messaging/dead-letters");
        Assert.Contains(queues.EnumerateArray(), queue => queue.GetProperty("consumer").GetString() == factory.ConsumerName);
    }

    private static async Task<Guid> PostSignalAsync(HttpClient admin, string symbol)
    {
        using var response = await admin.PostJsonAsync("/api/signals", new { symbol, score = 0.6m, side = "buy" });
        return Guid.Parse((await response.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
    }

    private static Task<JsonElement> WaitForDeadLetterAsync(HttpClient admin, string consumer, Guid signalId) =>
        Poll.UntilAsync(async () =>
        {
            var queues = await admin.GetDataAsync("/api/admin/messaging/dead-letters");
            return queues.EnumerateArray()
                .Where(queue => queue.GetProperty("consumer").GetString() == consumer)
                .SelectMany(queue => queue.GetProperty("messages").EnumerateArray())
                .FirstOrDefault(message => message.GetProperty("payload").GetProperty("signalId").GetGuid() == signalId);
        }, message => message.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(60), $"signal {signalId} in {consumer}'s dead-letter queue");
}
