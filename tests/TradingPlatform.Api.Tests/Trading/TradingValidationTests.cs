using System.Net;
using System.Net.Http.Json;
using System.Text;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Trading;

/// <summary>Bad orders are a 4xx naming what is wrong, and nothing of them is written.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TradingValidationTests(InfrastructureFixture infrastructure)
{
    public static TheoryData<string, string> InvalidOrders => new()
    {
        { """{"symbol":"NOPE-USD","type":"market","side":"buy","quantity":0.1}""", "symbol" },
        { """{"symbol":"BTC-USD","type":"market","side":"buy","quantity":0}""", "quantity" },
        { """{"symbol":"BTC-USD","type":"market","side":"buy","quantity":-1}""", "quantity" },
        { """{"symbol":"BTC-USD","type":"market","side":"buy","quantity":0.00005}""", "quantity" },
        { """{"symbol":"BTC-USD","type":"market","side":"buy","quantity":1000000}""", "quantity" },
        { """{"symbol":"BTC-USD","type":"limit","side":"buy","quantity":0.1,"price":59000.005}""", "price" },
        { """{"symbol":"BTC-USD","type":"stop_limit","side":"buy","quantity":0.1,"price":61000}""", "stopPrice" },
        { """{"symbol":"BTC-USD","type":"market","side":"buy","quantity":0.1,"leverage":50}""", "leverage" },
        { """{"symbol":"BTC-USD","type":"iceberg","side":"buy","quantity":0.1}""", "type" },
        { """{"symbol":"BTC-USD","type":"market","side":"hold","quantity":0.1}""", "side" },
        { """{"symbol":"BTC-USD","type":"market","side":"buy","quantity":0.1,"timeInForce":"GTX"}""", "timeInForce" },
        { """{"symbol":"BTC-USD","type":"limit","side":"buy","quantity":0.1,"price":59000,"stopLoss":59500}""", "stopLoss" },
    };

    [Theory]
    [MemberData(nameof(InvalidOrders))]
    public async Task An_invalid_order_is_422_naming_its_field_and_writes_nothing(string body, string field)
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(maxLeverage: 10);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);

        using var response = await client.PostAsync($"/api/accounts/{accountId}/orders", new StringContent(body, Encoding.UTF8, "application/json"));
        var error = await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.ToString());

        await AssertNothingWrittenAsync(client, accountId);
    }

    [Theory]
    [InlineData("""{"symbol":"BTC-USD","type":"market","side":"buy","quantity":NaN}""")]
    [InlineData("""{"symbol":"BTC-USD","type":"market","side":"buy","quantity":"Infinity"}""")]
    [InlineData("""{"symbol":"BTC-USD","type":"market","side":"buy","quantity":0.1""")]
    [InlineData("""{"symbol":"BTC-USD","type":"market","side":"buy","quantity":1e40}""")]
    public async Task A_malformed_order_is_400(string body)
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();

        using var response = await client.PostAsync($"/api/accounts/{accountId}/orders", new StringContent(body, Encoding.UTF8, "application/json"));
        await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.BadRequest);
        await AssertNothingWrittenAsync(client, accountId);
    }

    [Fact]
    public async Task Orders_outside_market_hours_are_refused_and_finished_orders_cannot_change()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (user, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await factory.PublishAsync("AAPL", 230m, 230.02m);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);

        using (var filled = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 1m }))
        {
            var orderId = (await filled.ReadDataAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
            using var modify = await client.PutAsJsonAsync($"/api/accounts/{accountId}/orders/{orderId}", new { quantity = 2m });
            await ApiJson.AssertErrorEnvelopeAsync(modify, HttpStatusCode.Conflict, "CONFLICT_ERROR");
            using var cancel = await client.DeleteAsync($"/api/accounts/{accountId}/orders/{orderId}");
            await ApiJson.AssertErrorEnvelopeAsync(cancel, HttpStatusCode.Conflict, "CONFLICT_ERROR");
        }

        using (var delete = await client.DeleteAsync($"/api/accounts/{accountId}"))
        {
            await ApiJson.AssertErrorEnvelopeAsync(delete, HttpStatusCode.Conflict, "CONFLICT_ERROR");
        }

        factory.Time!.SetUtcNow(new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero)); // a Saturday
        client.Dispose();
        client = await factory.CreateClientAsync(user); // the first token expired with the jump
        using var closed = await client.PlaceAsync(accountId, new { symbol = "AAPL", type = "market", side = "buy", quantity = 1m });
        await ApiJson.AssertErrorEnvelopeAsync(closed, HttpStatusCode.UnprocessableEntity, "MARKET_CLOSED_ERROR");
        var orders = await client.GetDataAsync($"/api/accounts/{accountId}/orders");
        Assert.Single(orders.EnumerateArray());
    }

    private static async Task AssertNothingWrittenAsync(HttpClient client, Guid accountId)
    {
        Assert.Empty((await client.GetDataAsync($"/api/accounts/{accountId}/orders")).EnumerateArray());
        var ledger = await client.GetDataAsync($"/api/accounts/{accountId}/ledger");
        Assert.Equal("deposit", Assert.Single(ledger.EnumerateArray()).GetProperty("type").GetString());
    }
}
