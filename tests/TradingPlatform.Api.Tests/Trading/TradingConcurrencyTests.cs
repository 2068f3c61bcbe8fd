using System.Net;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Trading;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class TradingConcurrencyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Fifty_simultaneous_orders_never_spend_more_margin_than_the_account_has()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(10_000m, maxLeverage: 1);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);

        // Each order needs about 600 USD at leverage 1: together 30,000, three times the account.
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 0.2m })));
        var accepted = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted++;
                }
                else
                {
                    await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.UnprocessableEntity, "INSUFFICIENT_BALANCE_ERROR");
                }
            }
        }

        Assert.InRange(accepted, 1, 16);
        var account = await client.GetDataAsync($"/api/accounts/{accountId}");
        Assert.True(account.GetProperty("marginAvailable").GetDecimal() >= 0m, account.ToString());
        Assert.True(account.GetProperty("marginUsed").GetDecimal() <= account.GetProperty("equity").GetDecimal(), account.ToString());
        var position = Assert.Single((await client.GetDataAsync($"/api/accounts/{accountId}/positions")).EnumerateArray());
        Assert.Equal(0.2m * accepted, position.GetProperty("quantity").GetDecimal());
        Assert.True((await client.GetDataAsync($"/api/accounts/{accountId}/ledger/reconcile")).GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task Twenty_concurrent_retries_of_one_client_order_id_create_exactly_one_order()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync();
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var order = new { symbol = "BTC-USD", type = "limit", side = "buy", quantity = 0.01m, price = 59_000m, clientOrderId = "retry-42" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PlaceAsync(accountId, order)));
        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                ids.Add((await response.ReadDataAsync(response.StatusCode)).GetProperty("id").GetGuid());
            }
        }

        Assert.Single(ids);
        var orders = await client.GetDataAsync($"/api/accounts/{accountId}/orders");
        Assert.Equal(ids.Single(), Assert.Single(orders.EnumerateArray()).GetProperty("id").GetGuid());

        using var different = await client.PlaceAsync(accountId, order with { price = 58_000m });
        await ApiJson.AssertErrorEnvelopeAsync(different, HttpStatusCode.Conflict, "CONFLICT_ERROR");
        Assert.Single((await client.GetDataAsync($"/api/accounts/{accountId}/orders")).EnumerateArray());
    }
}
