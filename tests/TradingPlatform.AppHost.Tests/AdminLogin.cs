using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Signs the api client in as the admin the AppHost seeds, with the password it generated for this run.</summary>
internal static class AdminLogin
{
    private const string AdminEmail = "admin@tradingplatform.local";

    public static async Task AuthorizeAsync(DistributedApplication app, HttpClient client) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(app, client));

    /// <summary>A fresh access token of the admin, signed in through <paramref name="client"/> (the api's).</summary>
    public static async Task<string> AccessTokenAsync(DistributedApplication app, HttpClient client)
    {
        var password = await Parameter(app, "admin-password");
        using var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = AdminEmail, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("accessToken").GetString()!;
    }

    public static async Task<string?> Parameter(DistributedApplication app, string name) =>
        await app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == name).GetValueAsync(CancellationToken.None);
}
