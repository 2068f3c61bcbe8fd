using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Messaging;

namespace TradingPlatform.Api.Tests.Realtime;

/// <summary>Helpers of the real-time tests: handling integration events as the messaging consumer would, and real trades.</summary>
public static class RealtimeKit
{
    /// <summary>Resolves the registered handler in a scope of its own and handles the event, as the consumer does.</summary>
    public static async Task HandleAsync<TEvent>(this ApiFactory factory, TEvent integrationEvent)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IIntegrationEventHandler<TEvent>>().HandleAsync(integrationEvent, CancellationToken.None);
    }

    /// <summary>Buys BTC-USD at market and answers the filled order and the position it opened.</summary>
    public static async Task<(JsonElement Order, JsonElement Position)> BuyAsync(this ApiFactory factory, HttpClient client, Guid accountId)
    {
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        using var placed = await client.PlaceAsync(accountId, new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.5m, leverage = 2, stopLoss = 55_000m });
        var order = await placed.ReadDataAsync(HttpStatusCode.Created);
        var positions = await client.GetDataAsync($"/api/accounts/{accountId}/positions");
        return (order, positions.EnumerateArray().Single());
    }

    public static async Task SubscribeAsync(this RealtimeSocket socket, params string[] channels)
    {
        ArgumentNullException.ThrowIfNull(socket);
        foreach (var channel in channels)
        {
            await socket.SendAsync(new { type = "subscribe", channel });
            await socket.WaitForAsync("subscribed", m => m.GetProperty("data").GetProperty("channel").GetString() == channel);
        }
    }
}
