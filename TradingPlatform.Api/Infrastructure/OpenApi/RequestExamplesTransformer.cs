using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TradingPlatform.Api.Identity.Admin;
using TradingPlatform.Api.Identity.Auth;
using TradingPlatform.Api.Identity.TwoFactor;
using TradingPlatform.Api.Identity.Users;

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
