using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Inbox;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>
/// A handler registered in the Api (as the real-time channels register theirs) is all it takes: the Api's consumer
/// binds its contract and records what it processed in the trading schema's inbox.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ApiConsumerTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_handler_registered_in_the_api_is_consumed_by_the_api_consumer_with_its_inbox_in_the_trading_schema()
    {
        // A queue of this test's own: every Api instance of the suite shares one broker.
        var consumerName = $"api.realtime.{Guid.NewGuid():N}";
        await using var root = new ApiFactory(infrastructure, "Development", ("MessagingOptions:ConsumerName", consumerName));
        await using var api = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ReceivedEvents>();
            services.AddScoped<IIntegrationEventHandler<AccountChangedIntegrationEvent>, RecordingHandler<AccountChangedIntegrationEvent>>();
        }));
        await api.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        var consumer = api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .OfType<TradingPlatform.Messaging.Consumers.IntegrationEventConsumer<TradingDbContext>>().Single();
        await consumer.Consuming.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(consumerName, consumer.Name);

        var balance = new AccountChangedIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), [], [], [],
            new AccountBalanceSnapshot(1m, 1m, 0m, 1m, 0m, 0m, 0m, ["deposit"])) { OccurredAt = DateTimeOffset.UtcNow };
        await using (var scope = api.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Add(balance);
            await scope.ServiceProvider.GetRequiredService<TradingDbContext>().SaveChangesAsync();
        }

        var received = api.Services.GetRequiredService<ReceivedEvents>();
        var handled = await Poll.UntilAsync(() => Task.FromResult(received.All.Where(e => e.Id == balance.Id).ToList()), events => events.Count == 1,
            TimeSpan.FromSeconds(60), "the Api's handler to receive the event");
        var change = Assert.IsType<AccountChangedIntegrationEvent>(Assert.Single(handled));
        Assert.Equal(balance.AccountId, change.AccountId);
        Assert.Equal(1m, change.Balance!.Balance);
        Assert.Equal(["deposit"], change.Balance.Reasons);
        await Poll.UntilAsync(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Set<InboxMessage>()
                .CountAsync(m => m.MessageId == balance.Id && m.Consumer == consumerName);
        }, count => count == 1, TimeSpan.FromSeconds(30), "the inbox row");
    }
}
