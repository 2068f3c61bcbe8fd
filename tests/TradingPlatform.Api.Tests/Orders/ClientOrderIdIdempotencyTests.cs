using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Tests.Orders;

/// <summary>
/// The unique index on (account, clientOrderId) is the idempotency check of a placement: retries of a market order that
/// fills at once must leave exactly what one placement leaves (one order, its fills, its ledger entries, one position),
/// counted in the database rather than through the API.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ClientOrderIdIdempotencyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Twenty_concurrent_retries_of_a_filled_market_order_book_it_once_and_a_different_body_is_a_409()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        var accountId = await client.CreateAccountAsync(100_000m);
        var referenceId = await client.CreateAccountAsync(100_000m);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var order = new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.1m, clientOrderId = "retry-market-7" };

        // The same order placed once on an identical account: what one placement books.
        using (var once = await client.PlaceAsync(referenceId, order))
        {
            Assert.Equal("filled", (await once.ReadDataAsync(HttpStatusCode.Created)).GetProperty("status").GetString());
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PlaceAsync(accountId, order)));
        var ids = new HashSet<Guid>();
        var created = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                created += response.StatusCode == HttpStatusCode.Created ? 1 : 0;
                var data = await response.ReadDataAsync(response.StatusCode);
                Assert.Equal("filled", data.GetProperty("status").GetString());
                ids.Add(data.GetProperty("id").GetGuid());
            }
        }

        Assert.Equal(1, created);
        var orderId = Assert.Single(ids);

        var booked = await CountAsync(factory, accountId);
        var reference = await CountAsync(factory, referenceId);
        Assert.Equal(1, booked.Orders);
        Assert.True(booked.Fills >= 1, $"{booked}");
        Assert.Equal(reference, booked);
        Assert.True((await client.GetDataAsync($"/api/accounts/{accountId}/ledger/reconcile")).GetProperty("balanced").GetBoolean());
        var position = Assert.Single((await client.GetDataAsync($"/api/accounts/{accountId}/positions")).EnumerateArray());
        Assert.Equal(0.1m, position.GetProperty("quantity").GetDecimal());

        // The same client order id with another body: a 409 that names the first order, and nothing more is booked.
        using var different = await client.PlaceAsync(accountId, order with { quantity = 0.2m });
        var error = await ApiJson.AssertErrorEnvelopeAsync(different, HttpStatusCode.Conflict, "CONFLICT_ERROR");
        Assert.Contains(orderId.ToString(), error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(booked, await CountAsync(factory, accountId));
    }

    [Fact]
    public async Task A_retry_the_book_would_now_refuse_still_answers_200_with_the_first_order()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, client) = await factory.CreateUserWithClientAsync();
        // Margin for one such order only (about 6,000 at leverage 1): a fresh placement of the retry would be refused.
        var accountId = await client.CreateAccountAsync(8_000m, maxLeverage: 1);
        await factory.PublishAsync("BTC-USD", 60_000m, 60_010m);
        var order = new { symbol = "BTC-USD", type = "market", side = "buy", quantity = 0.1m, clientOrderId = "retry-margin-1" };

        using var first = await client.PlaceAsync(accountId, order);
        var placed = await first.ReadDataAsync(HttpStatusCode.Created);
        using var retry = await client.PlaceAsync(accountId, order);
        var returned = await retry.ReadDataAsync(HttpStatusCode.OK);

        Assert.Equal(placed.GetProperty("id").GetGuid(), returned.GetProperty("id").GetGuid());
        Assert.Equal(1, (await CountAsync(factory, accountId)).Orders);
    }

    [Fact]
    public async Task A_client_order_id_is_per_account_and_another_users_account_is_a_404()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, owner) = await factory.CreateUserWithClientAsync();
        var (_, intruder) = await factory.CreateUserWithClientAsync();
        var accountId = await owner.CreateAccountAsync();
        var otherAccountId = await owner.CreateAccountAsync();
        var intruderAccountId = await intruder.CreateAccountAsync();
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        var order = new { symbol = "ETH-USD", type = "limit", side = "buy", quantity = 1m, price = 2_900m, clientOrderId = "shared-key" };

        using var placed = await owner.PlaceAsync(accountId, order);
        await placed.ReadDataAsync(HttpStatusCode.Created);

        // The intruder's retry of the owner's request on the owner's account: the account is not theirs, whatever the key.
        using var foreign = await intruder.PlaceAsync(accountId, order);
        await ApiJson.AssertErrorEnvelopeAsync(foreign, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        using var foreignDifferent = await intruder.PlaceAsync(accountId, order with { price = 2_800m });
        await ApiJson.AssertErrorEnvelopeAsync(foreignDifferent, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");

        // The same key on another account (the owner's second one, the intruder's own) is a new order.
        using var second = await owner.PlaceAsync(otherAccountId, order);
        await second.ReadDataAsync(HttpStatusCode.Created);
        using var own = await intruder.PlaceAsync(intruderAccountId, order);
        await own.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal(1, (await CountAsync(factory, accountId)).Orders);
    }

    private static async Task<Booked> CountAsync(ApiFactory factory, Guid accountId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
        var id = new AccountId(accountId);
        return new Booked(
            await db.Orders.CountAsync(o => o.AccountId == id),
            await db.Fills.CountAsync(f => f.AccountId == id),
            await db.LedgerEntries.CountAsync(e => e.AccountId == id),
            await db.Positions.CountAsync(p => p.AccountId == id));
    }

    /// <summary>The rows an account holds (its opening deposit's ledger entries included).</summary>
    private sealed record Booked(int Orders, int Fills, int LedgerEntries, int Positions);
}
