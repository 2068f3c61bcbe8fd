using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.Bench.Common;

/// <summary>Signs up a fresh user through the public API and opens a well-funded demo account for it.</summary>
public static class BenchTraders
{
    public static async Task<(string Token, Guid AccountId)> CreateAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        using var register = await http.PostAsJsonAsync("/api/auth/register", new { email, password = "Bench-Passw0rd" }, cancellationToken);
        using var registered = JsonDocument.Parse(await ReadSuccessAsync(register, cancellationToken));
        var token = registered.RootElement.GetProperty("data").GetProperty("accessToken").GetString()!;
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
        {
            Content = JsonContent.Create(new { name = "Bench", initialBalance = 1_000_000_000m, isDemo = true, maxLeverage = 10 }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await http.SendAsync(create, cancellationToken);
        using var account = JsonDocument.Parse(await ReadSuccessAsync(created, cancellationToken));
        return (token, account.RootElement.GetProperty("data").GetProperty("id").GetGuid());
    }

    private static async Task<string> ReadSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }
}
