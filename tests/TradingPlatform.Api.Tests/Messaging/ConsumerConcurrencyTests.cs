using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Consumers;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Messaging;

/// <summary>A consumer handles messages side by side up to its concurrency, and one account's messages one after another, in order.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConsumerConcurrencyTests(InfrastructureFixture infrastructure)
{
    private const int Accounts = 16;
    private const int Partitions = 4;
    private const int ChangesPerAccount = 10;

    [Fact]
    public async Task Different_accounts_are_handled_side_by_side_while_each_accounts_changes_keep_their_order()
    {
        var probe = new ConcurrencyProbe(company: 3);
        await using var consumer = await TestConsumerHost.StartAsync(infrastructure.Configuration,
            settings: new Dictionary<string, string?>
            {
                [$"{nameof(MessagingOptions)}:{nameof(MessagingOptions.ConsumerConcurrency)}"] = $"{Partitions}",
                [$"{nameof(MessagingOptions)}:{nameof(MessagingOptions.Prefetch)}"] = "64",
            },
            configure: services =>
            {
                services.AddSingleton(probe);
                services.AddScoped<IIntegrationEventHandler<AccountChangedIntegrationEvent>, ProbeHandler>();
            });
        var accounts = SpreadAccounts();
        var at = DateTimeOffset.UtcNow;
        // Interleaved as many accounts' changes reach the exchange: change i of every account, then change i + 1.
        var published = Enumerable.Range(0, ChangesPerAccount)
            .SelectMany(i => accounts.Select(account => new AccountChangedIntegrationEvent(Guid.NewGuid(), account, [], [], [], null) { OccurredAt = at.AddTicks(i) }))
            .ToList();

        await BrokerPublisher.PublishAsync(infrastructure.Messaging, published);

        var received = await consumer.WaitForAsync(e => e is AccountChangedIntegrationEvent c && accounts.Contains(c.AccountId),
            events => events.Count >= published.Count, "every change");
        Assert.Equal(published.Count, received.Count);
        Assert.True(probe.MaxInFlight >= probe.Company, $"at most {probe.MaxInFlight} handlers ran at once");
        Assert.Equal(0, probe.SameKeyOverlaps);
        foreach (var account in accounts)
        {
            Assert.Equal(
                published.Where(e => e.AccountId == account).Select(e => e.Id),
                received.Cast<AccountChangedIntegrationEvent>().Where(e => e.AccountId == account).Select(e => e.Id));
        }
    }

    /// <summary>Random accounts could all hash into fewer partitions than the probe's company: take as many for each partition.</summary>
    private static List<Guid> SpreadAccounts()
    {
        var perPartition = new int[Partitions];
        var accounts = new List<Guid>(Accounts);
        while (accounts.Count < Accounts)
        {
            var account = Guid.NewGuid();
            var partition = ConsumerPartitions.Of(account.ToString("N"), Partitions);
            if (perPartition[partition] < Accounts / Partitions)
            {
                perPartition[partition]++;
                accounts.Add(account);
            }
        }

        return accounts;
    }
}
