using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TradingPlatform.ServiceDefaults.Security;
using TradingPlatform.Worker.Analysis.Review;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>The Worker's client of the AiService's <c>POST /api/ai/config-review</c> against a local stub server.</summary>
public sealed class ConfigReviewClientTests
{
    private readonly string _key = RandomNumberGenerator.GetHexString(64);

    [Fact]
    public async Task It_sends_the_suggestions_and_figures_as_the_user_and_reads_the_reviewed_ones()
    {
        await using var stub = await ConfigReviewStub.StartAsync(ConfigReviewStub.Mode.Review);
        var userId = Guid.NewGuid();
        var strategyId = Guid.NewGuid();

        var result = await Client(stub).ReviewAsync(userId, new ConfigReviewRequest(
            [new ReviewSuggestion("stop-loss:x", "stopLoss", strategyId, null, "15", "5", "Stopped too late.", "{\"summary\":\"s\"}", 0.7)],
            new Dictionary<string, double> { ["strategy:x:winRate"] = 16.67 }), CancellationToken.None);

        Assert.Equal(ConfigReviewStub.Model, result.Model);
        Assert.Equal(2, result.Suggestions.Count);
        var reviewed = result.Suggestions[0];
        Assert.Equal(("stop-loss:x", "stopLoss", strategyId), (reviewed.Key, reviewed.Setting, reviewed.StrategyId!.Value));
        Assert.Equal("Reviewed: Stopped too late.", reviewed.Reasoning);
        Assert.Equal(0.9, reviewed.Confidence);

        var (authorization, body) = Assert.Single(stub.Requests);
        var sent = body["suggestions"]![0]!;
        Assert.Equal("stop-loss:x", sent["key"]!.GetValue<string>());
        Assert.Equal(strategyId.ToString(), sent["strategyId"]!.GetValue<string>());
        Assert.Null(sent["accountId"]);
        Assert.Equal("15", sent["currentValue"]!.GetValue<string>());
        Assert.Equal(0.7, sent["confidence"]!.GetValue<double>());
        Assert.Equal(16.67, body["figures"]!["strategy:x:winRate"]!.GetValue<double>());

        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(authorization![7..], new TokenValidationParameters
        {
            ValidIssuer = "tradingplatform-api", ValidAudience = "tradingplatform", IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_key)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(userId.ToString(), validation.Claims["sub"]);
        Assert.Equal("trader", validation.Claims["role"]);
        Assert.InRange(validation.SecurityToken.ValidTo - DateTime.UtcNow, TimeSpan.FromMinutes(4), AnalysisAccessTokens.Lifetime);
    }

    [Theory]
    [InlineData(ConfigReviewStub.Mode.NoModel, true, "409 (no_model)")]
    [InlineData(ConfigReviewStub.Mode.Fail, false, "500")]
    [InlineData(ConfigReviewStub.Mode.Garbage, false, "cannot be read")]
    public async Task A_review_that_cannot_be_had_is_a_clear_failure(ConfigReviewStub.Mode mode, bool noModel, string message)
    {
        await using var stub = await ConfigReviewStub.StartAsync(mode);

        var failure = await Assert.ThrowsAsync<ConfigReviewException>(() => Client(stub).ReviewAsync(Guid.NewGuid(), Request(), CancellationToken.None));

        Assert.Equal(noModel, failure.NoModel);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_ai_service_and_a_worker_without_a_signing_key_are_failures_too()
    {
        using var unreachable = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{TradingPlatform.Testing.ClosedPort.Next()}") };
        var noKey = new ConfigReviewClient(unreachable, new AnalysisAccessTokens(Options.Create(new AccessTokenOptions()), TimeProvider.System));

        var down = await Assert.ThrowsAsync<ConfigReviewException>(() => new ConfigReviewClient(unreachable, Tokens()).ReviewAsync(Guid.NewGuid(), Request(), CancellationToken.None));
        var keyless = await Assert.ThrowsAsync<ConfigReviewException>(() => noKey.ReviewAsync(Guid.NewGuid(), Request(), CancellationToken.None));

        Assert.Contains("cannot be reached", down.Message, StringComparison.Ordinal);
        Assert.Contains("Jwt:SigningKey", keyless.Message, StringComparison.Ordinal);
    }

    private ConfigReviewClient Client(ConfigReviewStub stub) => new(new HttpClient { BaseAddress = new Uri(stub.Url) }, Tokens());

    private AnalysisAccessTokens Tokens() => new(Options.Create(new AccessTokenOptions { SigningKey = _key }), TimeProvider.System);

    private static ConfigReviewRequest Request() =>
        new([new ReviewSuggestion("k1", "leverage", null, Guid.NewGuid(), "10", "3", "r", "e", 0.7)], new Dictionary<string, double>());
}
