using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>One trace runs from the request that wrote an event through the broker to the consumer.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TraceContextTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_consumer_span_belongs_to_the_trace_of_the_request_that_produced_the_event()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MessagingTelemetry.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration);
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, admin) = await factory.CreateUserWithClientAsync("admin");

        // The caller's own trace, as a browser or a gateway would send it.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals")
        {
            Content = JsonContent.Create(new { symbol = "BTC-USD", score = 0.2m, side = "buy" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await admin.SendAsync(request);
        var signalId = Guid.Parse((await response.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        await consumer.WaitForAsync(e => e is TradingPlatform.Messaging.Contracts.SignalGeneratedIntegrationEvent s && s.SignalId == signalId,
            events => events.Count == 1, "the signal");

        var consumerSpan = await Poll.UntilAsync(
            () => Task.FromResult(stopped.FirstOrDefault(a => a.Kind == ActivityKind.Consumer && a.GetTagItem("messaging.consumer.group.name") as string == consumer.Name
                && a.TraceId == traceId)),
            span => span is not null, TimeSpan.FromSeconds(30), "the consumer span in the request's trace");
        // The relay's producer span is in the same trace, and the consumer span descends from a publish (its parent
        // is the producer span, or RabbitMQ.Client's own publish span under it when the client's tracing is listened to).
        // The producer span ends when the broker's confirm reaches the relay, which can be after the consumer is done.
        await Poll.UntilAsync(
            () => Task.FromResult(stopped.Any(a => a.Kind == ActivityKind.Producer && a.Source.Name == MessagingTelemetry.SourceName && a.TraceId == traceId)),
            found => found, TimeSpan.FromSeconds(30), "the relay's producer span in the request's trace");
        Assert.NotEqual(default, consumerSpan!.ParentSpanId);
    }
}
