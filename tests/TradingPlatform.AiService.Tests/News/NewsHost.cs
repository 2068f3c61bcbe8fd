using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingPlatform.AiService.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.News;

/// <summary>
/// The real AiService for the news tests: the fixture's servers, a signing key of its own (tokens minted per role), a
/// fake clock when the test gives one (tokens are then minted at its time), extra settings, and the ai schema migrated
/// before the test's first request.
/// </summary>
internal sealed class NewsHost : IAsyncDisposable
{
    private readonly string _signingKey = RandomNumberGenerator.GetHexString(64);
    private readonly ServiceFactory<Program> _inner;

    private NewsHost(InfrastructureFixture infrastructure, FakeTimeProvider? time, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        Time = time;
        _inner = new ServiceFactory<Program>(infrastructure.Configuration
            .Append(new KeyValuePair<string, string?>("Jwt:SigningKey", _signingKey))
            .Concat(settings));
        Factory = time is null
            ? _inner
            : _inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time)));
    }

    public WebApplicationFactory<Program> Factory { get; }

    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<NewsHost> StartAsync(
        InfrastructureFixture infrastructure, FakeTimeProvider? time = null, params (string Key, string? Value)[] settings)
    {
        var host = new NewsHost(infrastructure, time, settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        await host.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(1));
        return host;
    }

    /// <summary>A client with a token of <paramref name="role"/>, or none for null.</summary>
    public HttpClient Client(string? role)
    {
        var client = Factory.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(_signingKey, role, issuedAt: Time?.GetUtcNow()));
        }

        return client;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (!ReferenceEquals(Factory, _inner))
        {
            await _inner.DisposeAsync();
        }
    }
}
