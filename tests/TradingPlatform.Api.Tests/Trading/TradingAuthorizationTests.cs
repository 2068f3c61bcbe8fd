using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Trading;

/// <summary>Another user's accounts, orders and positions answer 404 (never the data); anonymous 401; viewers 403.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class TradingAuthorizationTests(InfrastructureFixture infrastructure)
{
    private static async Task<string> AccountAsync(TestUser _, HttpClient client) => (await client.CreateAccountAsync(10_000m)).ToString();

    /// <summary>An account with one resting limit order; returns "accountId/orders/orderId".</summary>
    private static async Task<string> RestingOrderAsync(HttpClient client)
    {
        var accountId = await client.CreateAccountAsync(10_000m);
        using var placed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "limit", side = "buy", quantity = 0.1m, price = 2_000m });
        var order = await placed.ReadDataAsync(HttpStatusCode.Created);
        Assert.Equal("open", order.GetProperty("status").GetString());
        return $"{accountId}/orders/{order.GetProperty("id").GetGuid()}";
    }

    /// <summary>An account with one open ETH position; returns "accountId/positions/positionId".</summary>
    private static async Task<string> OpenPositionAsync(HttpClient client)
    {
        var accountId = await client.CreateAccountAsync(10_000m);
        using var placed = await client.PlaceAsync(accountId, new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 0.2m });
        await placed.ReadDataAsync(HttpStatusCode.Created);
        var positions = await client.GetDataAsync($"/api/accounts/{accountId}/positions");
        return $"{accountId}/positions/{Assert.Single(positions.EnumerateArray()).GetProperty("id").GetGuid()}";
    }

    private static Func<HttpClient, string, Task> AccountUnchanged(decimal balance) => async (client, id) =>
    {
        var account = await client.GetDataAsync($"/api/accounts/{id.Split('/')[0]}");
        Assert.Equal(balance, account.GetProperty("balance").GetDecimal());
    };

    [Fact]
    public async Task Another_users_account_endpoints_answer_404()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}", createResource: AccountAsync);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Post, "/api/accounts/{id}/deposit", new { amount = 100m },
            AccountAsync, AccountUnchanged(10_000m));
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Post, "/api/accounts/{id}/withdraw", new { amount = 100m },
            AccountAsync, AccountUnchanged(10_000m));
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}/ledger", createResource: AccountAsync);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}/ledger/reconcile", createResource: AccountAsync);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}/portfolio", createResource: AccountAsync);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Delete, "/api/accounts/{id}", createResource: AccountAsync,
            verifyUnchanged: AccountUnchanged(10_000m));
    }

    [Fact]
    public async Task Another_users_orders_answer_404()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}/orders", createResource: AccountAsync);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Post, "/api/accounts/{id}/orders",
            new { symbol = "ETH-USD", type = "limit", side = "buy", quantity = 0.1m, price = 2_000m }, AccountAsync,
            async (client, id) => Assert.Equal(0, (await client.GetDataAsync($"/api/accounts/{id}/orders")).GetArrayLength()));
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}", createResource: (_, c) => RestingOrderAsync(c));
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Put, "/api/accounts/{id}", new { price = 2_100m },
            (_, c) => RestingOrderAsync(c),
            async (client, id) => Assert.Equal(2_000m, (await client.GetDataAsync($"/api/accounts/{id}")).GetProperty("price").GetDecimal()));
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Delete, "/api/accounts/{id}", createResource: (_, c) => RestingOrderAsync(c),
            verifyUnchanged: async (client, id) =>
                Assert.Equal("open", (await client.GetDataAsync($"/api/accounts/{id}")).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Another_users_positions_answer_404()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}/positions", createResource: AccountAsync);
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Get, "/api/accounts/{id}", createResource: (_, c) => OpenPositionAsync(c));
        await factory.AssertOnlyOwnerCanAsync(HttpMethod.Patch, "/api/accounts/{id}", new { stopLoss = 2_500m },
            (_, c) => OpenPositionAsync(c),
            async (client, id) => Assert.Equal(JsonValueKind.Null, (await client.GetDataAsync($"/api/accounts/{id}")).GetProperty("stopLoss").ValueKind));

        // POST …/positions/close carries the position id in the body, so it is checked by hand.
        var (_, owner) = await factory.CreateUserWithClientAsync();
        var (_, other) = await factory.CreateUserWithClientAsync();
        var parts = (await OpenPositionAsync(owner)).Split('/');
        var (accountId, positionId) = (parts[0], Guid.Parse(parts[2]));
        using (var denied = await other.PostAsJsonAsync($"/api/accounts/{accountId}/positions/close", new { positionId }))
        {
            await ApiJson.AssertErrorEnvelopeAsync(denied, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        }

        // B closing A's position through B's own account must not find it either.
        var otherAccount = await other.CreateAccountAsync(10_000m);
        using (var denied = await other.PostAsJsonAsync($"/api/accounts/{otherAccount}/positions/close", new { positionId }))
        {
            await ApiJson.AssertErrorEnvelopeAsync(denied, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        }

        Assert.Equal("open", (await owner.GetDataAsync($"/api/accounts/{accountId}/positions/{positionId}")).GetProperty("status").GetString());
        using var allowed = await owner.PostAsJsonAsync($"/api/accounts/{accountId}/positions/close", new { positionId });
        await allowed.ReadDataAsync();
    }

    [Fact]
    public async Task Another_users_order_and_position_ids_are_not_found_through_ones_own_account()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        var (_, owner) = await factory.CreateUserWithClientAsync();
        var (_, other) = await factory.CreateUserWithClientAsync();
        var orderPath = (await RestingOrderAsync(owner)).Split('/');
        var positionPath = (await OpenPositionAsync(owner)).Split('/');
        var mine = await other.CreateAccountAsync(10_000m);

        foreach (var request in new[]
                 {
                     new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{mine}/orders/{orderPath[2]}"),
                     new HttpRequestMessage(HttpMethod.Put, $"/api/accounts/{mine}/orders/{orderPath[2]}") { Content = JsonContent.Create(new { price = 2_100m }) },
                     new HttpRequestMessage(HttpMethod.Delete, $"/api/accounts/{mine}/orders/{orderPath[2]}"),
                     new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{mine}/positions/{positionPath[2]}"),
                     new HttpRequestMessage(HttpMethod.Patch, $"/api/accounts/{mine}/positions/{positionPath[2]}") { Content = JsonContent.Create(new { stopLoss = 2_500m }) },
                 })
        {
            using (request)
            using (var response = await other.SendAsync(request))
            {
                await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            }
        }

        var order = await owner.GetDataAsync($"/api/accounts/{orderPath[0]}/orders/{orderPath[2]}");
        Assert.Equal("open", order.GetProperty("status").GetString());
        Assert.Equal(2_000m, order.GetProperty("price").GetDecimal());
        var position = await owner.GetDataAsync($"/api/accounts/{positionPath[0]}/positions/{positionPath[2]}");
        Assert.Equal(JsonValueKind.Null, position.GetProperty("stopLoss").ValueKind);
    }

    [Fact]
    public async Task Executions_and_account_lists_hold_only_the_callers_data()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        var (_, a) = await factory.CreateUserWithClientAsync();
        var (_, b) = await factory.CreateUserWithClientAsync();
        var aAccount = Guid.Parse((await OpenPositionAsync(a)).Split('/')[0]);
        var bAccount = Guid.Parse((await OpenPositionAsync(b)).Split('/')[0]);

        var aExecutions = await a.GetDataAsync("/api/executions");
        Assert.Contains(aExecutions.EnumerateArray(), e => e.GetProperty("accountId").GetGuid() == aAccount);

        var bExecutions = await b.GetDataAsync("/api/executions");
        Assert.NotEmpty(bExecutions.EnumerateArray());
        Assert.All(bExecutions.EnumerateArray(), e => Assert.Equal(bAccount, e.GetProperty("accountId").GetGuid()));
        var filtered = await b.GetDataAsync($"/api/executions?accountId={aAccount}");
        Assert.Equal(0, filtered.GetArrayLength());

        var bAccounts = await b.GetDataAsync("/api/accounts");
        Assert.Equal([bAccount], bAccounts.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_viewers_cannot_trade()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        await factory.PublishAsync("ETH-USD", 3_000m, 3_001m);
        var (_, owner) = await factory.CreateUserWithClientAsync();
        var accountId = await owner.CreateAccountAsync(10_000m);
        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/api/accounts", $"/api/accounts/{accountId}", $"/api/accounts/{accountId}/orders", "/api/executions", "/api/trading/portfolio" })
        {
            using var response = await anonymous.GetAsync(path);
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized);
        }

        var order = new { symbol = "ETH-USD", type = "market", side = "buy", quantity = 0.1m };
        using (var response = await anonymous.PlaceAsync(accountId, order))
        {
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized);
        }

        var (_, viewer) = await factory.CreateUserWithClientAsync(Roles.Viewer);
        using (var response = await viewer.PostAsJsonAsync("/api/trading/orders", order))
        {
            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Forbidden);
        }

        using (var response = await viewer.PlaceAsync(accountId, order))
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden, $"{(int)response.StatusCode}");
        }

        Assert.Equal(0, (await owner.GetDataAsync($"/api/accounts/{accountId}/orders")).GetArrayLength());
    }
}
