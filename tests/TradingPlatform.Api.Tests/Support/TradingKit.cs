using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Tests.Support;

/// <summary>
/// Trading tests drive the market themselves: the simulated feed and history are off, and quotes are published into
/// the Api's quote book (which runs the tick processor, as the feed does). The clock is fake and starts on a Wednesday
/// at 15:00 UTC, when every shipped market is open.
/// </summary>
public static class TradingKit
{
    public static readonly DateTimeOffset MarketsOpen = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public static async Task<ApiFactory> StartTradingAsync(InfrastructureFixture infrastructure, params (string Key, string? Value)[] overrides)
    {
        (string, string?)[] settings = [("Market:Feed:Enabled", "false"), ("Market:History:Enabled", "false"), .. overrides];
        var factory = await ApiFactory.StartAsync(infrastructure, new FakeTimeProvider(MarketsOpen), settings);
        await factory.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(TimeSpan.FromSeconds(60));
        return factory;
    }

    /// <summary>Publishes a quote with the given touch (and sizes) as the feed would, and waits until the tick is applied.</summary>
    public static async Task PublishAsync(this ApiFactory factory, string symbol, decimal bid, decimal ask, decimal size = 1_000_000m)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var now = factory.Time?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        await factory.Services.GetRequiredService<QuoteBook>().PublishAsync(
            [new Quote(symbol, bid, ask, (bid + ask) / 2, size, size, 0m, now)], CancellationToken.None);
    }

    public static async Task<Guid> CreateAccountAsync(this HttpClient client, decimal initialBalance = 100_000m, int maxLeverage = 10, decimal? maxDailyLoss = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/accounts",
            new { name = "Test account", initialBalance, isDemo = true, maxLeverage, maxDailyLoss });
        var data = await response.ReadDataAsync(HttpStatusCode.Created);
        return data.GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> PlaceAsync(this HttpClient client, Guid accountId, object order)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.PostAsJsonAsync($"/api/accounts/{accountId}/orders", order);
    }

    public static async Task<JsonElement> GetDataAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(path);
        return await response.ReadDataAsync();
    }
}
