using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Testing.OpenAi;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>
/// The real AiService for the chat tests: the fixture's servers, a signing key of its own, a Redis key prefix of its own
/// (conversations of one test never meet another's), the test's knowledge passages (<see cref="TestKnowledge"/>) and,
/// when given, the stub model's endpoint as <c>Llm</c>.
/// </summary>
internal sealed class ChatHost : IAsyncDisposable
{
    public const string ChatModel = "stub-chat";
    public const string ApiKey = "test-key";

    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly ServiceFactory<Program> _inner;

    private enum Knowledge
    {
        None,
        Test,
        Shipped,
    }

    private ChatHost(InfrastructureFixture infrastructure, IEnumerable<KeyValuePair<string, string?>> settings, Knowledge knowledge)
    {
        _inner = new ServiceFactory<Program>(infrastructure.Configuration
            .Append(new("Jwt:SigningKey", _signingKey))
            .Append(new("Redis:KeyPrefix", $"chat-test-{Guid.NewGuid():N}:"))
            .Concat(settings));
        Factory = knowledge == Knowledge.Shipped ? _inner : _inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IKnowledgeSearch>();
            if (knowledge == Knowledge.Test)
            {
                services.AddSingleton<IKnowledgeSearch, TestKnowledge>();
            }
        }));
    }

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Offline (no <c>Llm:Endpoint</c>), or on <paramref name="stub"/> when given.</summary>
    public static async Task<ChatHost> StartAsync(InfrastructureFixture infrastructure, OpenAiStub? stub = null, params (string Key, string? Value)[] settings)
    {
        var model = stub is null
            ? []
            : new (string, string?)[] { ("Llm:Endpoint", stub.Endpoint.ToString()), ("Llm:ChatModel", ChatModel), ("Llm:ApiKey", ApiKey), ("Llm:TimeoutSeconds", "10") };
        return await StartAsync(new ChatHost(infrastructure, model.Concat(settings).Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)), Knowledge.Test));
    }

    /// <summary>Offline, with no knowledge base registered at all.</summary>
    public static Task<ChatHost> StartWithoutKnowledgeAsync(InfrastructureFixture infrastructure) => StartAsync(new ChatHost(infrastructure, [], Knowledge.None));

    /// <summary>Offline, on the knowledge base the service ships (README, docs/, the OpenAPI document), as it runs.</summary>
    public static Task<ChatHost> StartWithShippedKnowledgeAsync(InfrastructureFixture infrastructure) => StartAsync(new ChatHost(infrastructure, [], Knowledge.Shipped));

    private static async Task<ChatHost> StartAsync(ChatHost host)
    {
        await host.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
        return host;
    }

    /// <summary>A client with a trader's token for <paramref name="userId"/> (a new user when null).</summary>
    public HttpClient Client(Guid? userId = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, "trader", userId: userId));
        return client;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>The stored AI call records of <paramref name="feature"/> for <paramref name="userId"/>, once everything recorded so far is written.</summary>
    public async Task<List<AiCallRecord>> CallsAsync(string feature, Guid userId)
    {
        await Services.GetRequiredService<AiCallMeter>().FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var user = userId.ToString();
        return [.. db.AiCallRecords.Where(r => r.Feature == feature && r.UserId == user).OrderBy(r => r.RecordedAt)];
    }

    /// <summary>What the chat feature spent today (UTC) in the shared database, before a host starts (its schema migrated as the service does).</summary>
    public static async Task<decimal> ChatSpentTodayAsync(InfrastructureFixture infrastructure)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        await using var db = new AiDbContext(new DbContextOptionsBuilder<AiDbContext>().UseNpgsql(infrastructure.TradingDb, AiDbContext.ConfigureNpgsql).Options);
        await db.Database.MigrateAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await db.AiCallRecords.Where(r => r.Feature == AiFeatures.Chat && r.RecordedOn == today).SumAsync(r => r.CostUsd);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _inner.DisposeAsync();
    }
}
