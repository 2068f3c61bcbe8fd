using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TradingPlatform.Api.Accounts;
using TradingPlatform.Api.Identity.Admin;
using TradingPlatform.Api.Identity.Auth;
using TradingPlatform.Api.Identity.TwoFactor;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Orders;
using TradingPlatform.Api.Positions;

namespace TradingPlatform.Api.Infrastructure.OpenApi;

/// <summary>An example for every request body, so the interactive docs can be tried without reading the schemas.</summary>
internal sealed class RequestExamplesTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, Func<JsonObject>> Examples = new()
    {
        [typeof(RegisterRequest)] = () => new JsonObject
        {
            ["email"] = "trader@example.com", ["password"] = "Sup3rSecret", ["name"] = "Ada Trader", ["displayName"] = "ada",
        },
        [typeof(LoginRequest)] = () => new JsonObject
        {
            ["email"] = "trader@example.com", ["password"] = "Sup3rSecret", ["rememberMe"] = false, ["twoFactorCode"] = null,
        },
        [typeof(RefreshRequest)] = () => new JsonObject { ["refreshToken"] = "k3Jx…the refreshToken from login" },
        [typeof(LogoutRequest)] = () => new JsonObject { ["refreshToken"] = "k3Jx…the refreshToken from login" },
        [typeof(TwoFactorCodeRequest)] = () => new JsonObject { ["code"] = "123456" },
        [typeof(ChangePasswordRequest)] = () => new JsonObject { ["currentPassword"] = "Sup3rSecret", ["newPassword"] = "Ev3nM0reSecret" },
        [typeof(ChangeRoleRequest)] = () => new JsonObject { ["role"] = "viewer" },
        [typeof(UpdateProfileRequest)] = () => new JsonObject
        {
            ["name"] = "Ada Trader",
            ["displayName"] = "ada",
            ["avatarUrl"] = "https://example.com/ada.png",
            ["preferences"] = new JsonObject { ["language"] = "en", ["timezone"] = "Europe/London", ["theme"] = "dark", ["notifications"] = true },
        },
        [typeof(CreateAccountRequest)] = () => new JsonObject
        {
            ["name"] = "Swing account", ["initialBalance"] = 25_000, ["isDemo"] = true, ["maxLeverage"] = 10, ["maxDailyLoss"] = 1_000,
        },
        [typeof(TransferRequest)] = () => new JsonObject { ["amount"] = 5_000, ["description"] = "Top-up" },
        [typeof(AdjustmentRequest)] = () => new JsonObject { ["amount"] = -12.5, ["reason"] = "Refund of a duplicated deposit" },
        [typeof(PlaceOrderRequest)] = () => new JsonObject
        {
            ["symbol"] = "BTC-USD", ["type"] = "limit", ["side"] = "buy", ["quantity"] = 0.25, ["price"] = 64_000, ["timeInForce"] = "GTC",
            ["clientOrderId"] = "my-order-0001", ["leverage"] = 5, ["stopLoss"] = 62_000, ["takeProfit"] = 68_000,
        },
        [typeof(ModifyOrderRequest)] = () => new JsonObject { ["quantity"] = 0.3, ["price"] = 63_500 },
        [typeof(ClosePositionRequest)] = () => new JsonObject { ["positionId"] = "0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", ["quantity"] = 0.1 },
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [example()];
        }

        return Task.CompletedTask;
    }
}
