using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.Messaging.Consumers;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Tests;

/// <summary>
/// The broker is down when the Worker starts: Aspire's RabbitMQ connection cannot be created, and the Worker must start
/// anyway, report it on /health and begin consuming once the broker is there (the failed resolution is not cached, and
/// the consumer retries it with its back-off).
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class BrokerDownAtStartTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_broker_that_is_down_at_start_makes_the_worker_unready_and_its_consumer_starts_once_the_broker_is_up()
    {
        var port = ClosedPort.Next();
        await using var broker = new TcpForwarder(port, new Uri(infrastructure.Messaging).Port);
        var settings = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["ConnectionStrings:messaging"] = new UriBuilder(infrastructure.Messaging) { Port = port }.Uri.ToString(),
            ["MessagingOptions:MaxRetryDelay"] = "00:00:01",
        };
        await using var worker = new ServiceFactory<Program>(settings);
        using var client = worker.CreateClient();
        var consumer = worker.Services.GetServices<IHostedService>().OfType<IntegrationEventConsumer<AnalyticsDbContext>>().Single();

        var (status, report) = await client.GetReportAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var messaging = report.Check("messaging");
        Assert.Equal("Unhealthy", messaging.Status);
        Assert.Contains("refused", messaging.Description, StringComparison.OrdinalIgnoreCase);
        Assert.False(consumer.Consuming.IsCompleted);

        broker.Start();

        await consumer.Consuming.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Healthy", (await client.GetReportAsync("/health")).Report.Check("messaging").Status);
    }
}
