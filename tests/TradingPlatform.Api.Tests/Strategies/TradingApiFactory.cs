using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Strategies;

/// <summary>Starts the Api like <see cref="ApiFactory.StartAsync"/> and also waits for the trading schema's migrations.</summary>
internal static class TradingApiFactory
{
    public static async Task<ApiFactory> StartAsync(InfrastructureFixture infrastructure)
    {
        var factory = await ApiFactory.StartAsync(infrastructure);
        try
        {
            await factory.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }
}
