using System.Net;
using System.Net.Http.Json;
using TradingPlatform.AiService.Costs;
using TradingPlatform.Testing;
using TradingPlatform.Testing.OpenAi;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary><c>POST /api/ai/config-review</c>: the configured model's review of the Worker's suggestions, validated; 409 without a model.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConfigReviewApiTests(InfrastructureFixture infrastructure)
{
    private static readonly Guid Strategy = Guid.NewGuid();

    private static object Request() => new
    {
        suggestions = new object[]
        {
            new { key = "k1", setting = "leverage", strategyId = Strategy, accountId = (Guid?)null, currentValue = "10", proposedValue = "3",
                reasoning = "Drawdown 42 % at leverage 10.", expectedEffect = "Lower drawdown.", confidence = 0.7 },
            new { key = "k2", setting = "stopLossPercent", strategyId = Strategy, accountId = (Guid?)null, currentValue = "8", proposedValue = "3",
                reasoning = "Stop-loss hit in 2 of 40 trades.", expectedEffect = "Smaller losses.", confidence = 0.6 },
            new { key = "k3", setting = "maxPositionSize", strategyId = (Guid?)null, accountId = Guid.NewGuid(), currentValue = "0.5", proposedValue = "0.2",
                reasoning = "Rule text.", expectedEffect = "Rule effect.", confidence = 0.5 },
        },
        figures = new Dictionary<string, double> { ["maxDrawdownPercent"] = 42.0, ["winRate"] = 0.35, ["leverageUsed"] = 10 },
    };

    [Fact]
    public async Task The_model_rewrites_reasoning_and_confidence_and_its_answer_is_validated_against_the_request()
    {
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub);
        // k1 rewritten; k2 with its proposed value changed (dropped); k3 left out (dropped); k9 never sent (ignored).
        stub.Enqueue(OpenAiStubReply.Text("""
            Here is the review:
            ```json
            {"suggestions":[
              {"key":"k1","reasoning":"A 42 % drawdown at leverage 10 with a 35 % win rate.","expectedEffect":"Drawdown near 13 %.","confidence":0.85},
              {"key":"k2","proposedValue":"1","reasoning":"Tighter still.","expectedEffect":"x","confidence":0.9},
              {"key":"k9","reasoning":"Invented.","expectedEffect":"x","confidence":1}
            ]}
            ```
            """, promptTokens: 400, completionTokens: 90));
        var user = Guid.NewGuid();
        using var client = host.Client(user);

        var review = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/ai/config-review", Request()), HttpStatusCode.OK);

        Assert.Equal(ChatHost.ChatModel, review.GetProperty("model").GetString());
        var kept = Assert.Single(review.GetProperty("suggestions").EnumerateArray().ToList());
        Assert.Equal(("k1", "leverage", "10", "3", Strategy), (kept.GetProperty("key").GetString(), kept.GetProperty("setting").GetString(),
            kept.GetProperty("currentValue").GetString(), kept.GetProperty("proposedValue").GetString(), kept.GetProperty("strategyId").GetGuid()));
        Assert.Equal("A 42 % drawdown at leverage 10 with a 35 % win rate.", kept.GetProperty("reasoning").GetString());
        Assert.Equal(0.85, kept.GetProperty("confidence").GetDouble(), 1e-9);
        // The model was given the suggestions and the figures, and no tools.
        var sent = Assert.Single(stub.Requests);
        Assert.Contains("\"maxDrawdownPercent\":42", sent.Messages[^1].Content, StringComparison.Ordinal);
        Assert.Empty(sent.ToolNames);
        var call = Assert.Single(await host.CallsAsync(AiFeatures.ConfigReview, user));
        Assert.Equal((400L, 90L), (call.InputUnits, call.OutputUnits));
    }

    [Fact]
    public async Task A_model_that_answers_no_json_is_502_and_a_failing_one_502_a_stopped_one_503()
    {
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub);
        using var client = host.Client();
        stub.Enqueue(OpenAiStubReply.Text("I think you should lower the leverage."));

        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/ai/config-review", Request()), HttpStatusCode.BadGateway);
        stub.FailWith(500);
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/ai/config-review", Request()), HttpStatusCode.BadGateway);
        await stub.StopAsync();
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/ai/config-review", Request()), HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Without_a_model_it_is_409_no_model_and_bad_input_is_400_naming_the_field()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        using var client = host.Client();

        var conflict = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/ai/config-review", Request()), HttpStatusCode.Conflict);
        Assert.Equal("no_model", conflict.GetProperty("code").GetString());

        async Task<string[]> Fields(object body) =>
            [.. (await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/ai/config-review", body), HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name)];

        Assert.Equal(["suggestions"], await Fields(new { suggestions = Array.Empty<object>() }));
        Assert.Equal(["suggestions[0].confidence"], await Fields(new { suggestions = new[] { new { key = "a", setting = "leverage", proposedValue = "3", confidence = 1.5 } } }));
        Assert.Equal(["suggestions[1].key"], await Fields(new
        {
            suggestions = new[] { new { key = "a", setting = "leverage", proposedValue = "3", confidence = 0.5 }, new { key = "a", setting = "leverage", proposedValue = "2", confidence = 0.5 } },
        }));
        Assert.Equal(["suggestions[0].setting"], await Fields(new { suggestions = new[] { new { key = "a", setting = "", proposedValue = "3", confidence = 0.5 } } }));
    }
}
