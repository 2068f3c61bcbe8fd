using System.Net;
using System.Net.Http.Json;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Trading;

[Collection(InfrastructureFixture.CollectionName)]
public sealed class AdjustmentTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task An_admin_adjusts_a_users_cash_through_the_ledger_and_a_trader_cannot()
    {
        await using var factory = await TradingKit.StartTradingAsync(infrastructure);
        var (_, owner) = await factory.CreateUserWithClientAsync();
        var (_, admin) = await factory.CreateUserWithClientAsync(Roles.Admin);
        var accountId = await owner.CreateAccountAsync(1_000m);

        using (var refused = await owner.PostAsJsonAsync($"/api/admin/accounts/{accountId}/adjustments", new { amount = 50m, reason = "self-service" }))
        {
            await ApiJson.AssertErrorEnvelopeAsync(refused, HttpStatusCode.Forbidden);
        }

        using (var credit = await admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/adjustments", new { amount = 12.34m, reason = "Goodwill credit" }))
        {
            Assert.Equal(1_012.34m, (await credit.ReadDataAsync()).GetProperty("balance").GetDecimal());
        }

        using (var overdraw = await admin.PostAsJsonAsync($"/api/admin/accounts/{accountId}/adjustments", new { amount = -5_000m, reason = "Too much" }))
        {
            await ApiJson.AssertErrorEnvelopeAsync(overdraw, HttpStatusCode.UnprocessableEntity, "INSUFFICIENT_BALANCE_ERROR");
        }

        var ledger = await owner.GetDataAsync($"/api/accounts/{accountId}/ledger?type=adjustment");
        var entry = Assert.Single(ledger.EnumerateArray());
        Assert.Equal(12.34m, entry.GetProperty("amount").GetDecimal());
        Assert.Equal("platform:adjustments", entry.GetProperty("counterAccount").GetString());
        Assert.Contains("Goodwill credit", entry.GetProperty("description").GetString(), StringComparison.Ordinal);

        var reconcile = await owner.GetDataAsync($"/api/accounts/{accountId}/ledger/reconcile");
        Assert.True(reconcile.GetProperty("balanced").GetBoolean());
        Assert.Equal(1_012.34m, reconcile.GetProperty("ledgerBalance").GetDecimal());
    }
}
