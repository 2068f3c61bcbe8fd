using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradingPlatform.Hosting.ApplicationModel;

namespace TradingPlatform.AppHost.Tests;

/// <summary>Signs the api client in as the admin the AppHost seeds, with the password it generated for this run.</summary>
internal static class AdminLogin
{
    private const string AdminEmail = "admin@tradingplatform.local";

    public static async Task AuthorizeAsync(Hosting.DistributedApplication app, HttpClient client)
    {
        var password = ((ParameterResource)app.Model.Find("admin-password")!).Value;
        using var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = AdminEmail, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
