// Login throughput and p50/p99 at 32 concurrent clients, and p50/p99 of an authenticated GET /api/auth/me, against
// the real Api (its built dll as a child process, real PostgreSQL and Redis, rate limits off, production hash cost).
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.Auth [-- --clients 32 --seconds 10 --me-clients 32 --iterations 100000]
using TradingPlatform.Bench.Common;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using TradingPlatform.Bench.Auth;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using TradingPlatform.Testing;

var clients = Option("--clients", 32);
var meClients = Option("--me-clients", 32);
var seconds = Option("--seconds", 10);
var iterations = Option("--iterations", 100_000);
const double LoginTargetMs = 200, MeTargetMs = 5;

using var ai = new HealthyAiStub();
var dataPath = TestDataFolders.Create();
AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDataFolders.Delete(dataPath);
var builder = await TestServers.CreateBuilderAsync(dataPath);
IResourceBuilder<IResourceWithConnectionString> Server(string name) =>
    builder.CreateResourceBuilder(builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == name));
var db = Server("tradingdb");
var cache = Server("cache");
var messaging = Server("messaging");
var apiProject = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TradingPlatform.Api", "TradingPlatform.Api.csproj");
builder.AddProject("api", Path.GetFullPath(apiProject))
    .WithReference(db).WaitFor(db)
    .WithReference(cache).WaitFor(cache)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Jwt__SigningKey", RandomNumberGenerator.GetHexString(64))
    .WithEnvironment("RateLimiting__Enabled", "false")
    .WithEnvironment("AccountSecurity__PasswordHashIterations", iterations.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("Logging__LogLevel__Default", "Warning")
    .WithEnvironment("services__ai__http__0", ai.Url.TrimEnd('/'));
await using var app = await builder.BuildAsync();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
await app.StartAsync(timeout.Token);
try
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("The Api did not become healthy in 3 minutes; see its console in the output above.");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.GetEndpoint("api", "http") };
var email = $"bench-{Guid.NewGuid():N}@example.test";
const string Password = "Bench-Passw0rd";

// The Api answers 503 until its identity schema is migrated (and nothing while it starts listening).
while (true)
{
    timeout.Token.ThrowIfCancellationRequested();
    try
    {
        using var register = await http.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, timeout.Token);
        if (register.IsSuccessStatusCode)
        {
            break;
        }
    }
    catch (HttpRequestException)
    {
    }

    await Task.Delay(250, timeout.Token);
}

var duration = TimeSpan.FromSeconds(seconds);
var login = await LoadRunner.RunAsync("login", clients, duration, async _ =>
{
    using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
    return response.IsSuccessStatusCode;
});

using var tokenResponse = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
using var loginJson = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
var token = loginJson.RootElement.GetProperty("data").GetProperty("accessToken").GetString();
var me = await LoadRunner.RunAsync("me", meClients, duration, async _ =>
{
    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    await response.Content.LoadIntoBufferAsync();
    return response.IsSuccessStatusCode;
});

var loginOk = login.P99Ms < LoginTargetMs && login.Failures == 0;
var meOk = me.P99Ms < MeTargetMs && me.Failures == 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"auth bench ({Environment.ProcessorCount} cores, PBKDF2-SHA512 {iterations} iterations, {clients} login clients, {meClients} me clients, {seconds} s): "
    + $"{login.Format()} [target p99 < {LoginTargetMs} ms: {(loginOk ? "met" : "MISSED")}]; "
    + $"{me.Format()} [target p99 < {MeTargetMs} ms: {(meOk ? "met" : "MISSED")}]"));
return loginOk && meOk ? 0 : 1;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
