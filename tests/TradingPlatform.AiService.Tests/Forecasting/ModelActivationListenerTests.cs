using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.Messaging;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Forecasting;

/// <summary>Stopping the model activation listener never fails the host's stop, even after its connection went first, and twice.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ModelActivationListenerTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Stopping_after_the_broker_connection_was_disposed_and_stopping_again_do_not_throw()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        var listener = factory.Services.GetServices<IHostedService>().OfType<ModelActivationListener>().Single();
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(60));

        var connection = await RabbitMQConnections.GetAsync(factory.Services, CancellationToken.None);
        await connection.DisposeAsync();

        Assert.Null(await Record.ExceptionAsync(() => listener.StopAsync(CancellationToken.None)));
        Assert.Null(await Record.ExceptionAsync(() => listener.StopAsync(CancellationToken.None)));
    }
}
