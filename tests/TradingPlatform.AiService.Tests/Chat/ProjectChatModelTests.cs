using System.Net;
using System.Net.Http.Json;
using TradingPlatform.AiService.Chat;
using TradingPlatform.AiService.Costs;
using TradingPlatform.Testing;
using TradingPlatform.Testing.OpenAi;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>The project chat on a configured model: Semantic Kernel's OpenAI connector against the local OpenAI-compatible stub.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ProjectChatModelTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_model_answers_from_the_numbered_passages_and_its_token_usage_reaches_the_cost_statistics()
    {
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub,
            ("AiCosts:Prices:" + ChatHost.ChatModel + ":Per1KInputTokensUsd", "0.5"), ("AiCosts:Prices:" + ChatHost.ChatModel + ":Per1KOutputTokensUsd", "1.5"));
        stub.Enqueue(OpenAiStubReply.Text("The Sharpe ratio divides the mean excess return by its standard deviation [1].", promptTokens: 321, completionTokens: 17));
        var alice = Guid.NewGuid();
        using var client = host.Client(alice);

        var answer = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "How is the Sharpe ratio of a backtest computed?" }), HttpStatusCode.OK);

        Assert.Equal("The Sharpe ratio divides the mean excess return by its standard deviation [1].", answer.GetProperty("answer").GetString());
        Assert.Equal(ChatHost.ChatModel, answer.GetProperty("model").GetString());
        Assert.Equal("sharpe-ratio", answer.GetProperty("sources")[0].GetProperty("anchor").GetString());
        var usage = answer.GetProperty("usage");
        Assert.Equal((321L, 17L, 338L), (usage.GetProperty("promptTokens").GetInt64(), usage.GetProperty("completionTokens").GetInt64(), usage.GetProperty("totalTokens").GetInt64()));

        // What the model was sent: the system prompt, then the question with the passages numbered as the sources, and the caller's tools.
        var sent = Assert.Single(stub.Requests);
        Assert.Equal(("/v1/chat/completions", "Bearer " + ChatHost.ApiKey), (sent.Path, sent.Authorization));
        Assert.Equal(ChatHost.ChatModel, sent.Body.GetProperty("model").GetString());
        Assert.Equal(("system", ChatPrompt.SystemPrompt), sent.Messages[0]);
        var (role, content) = sent.Messages[^1];
        Assert.Equal("user", role);
        Assert.Contains("[1] Sharpe ratio (docs/backtesting-metrics.md#sharpe-ratio)\n" + TestKnowledge.Sharpe.Text, content, StringComparison.Ordinal);
        Assert.EndsWith("Question:\nHow is the Sharpe ratio of a backtest computed?", content, StringComparison.Ordinal);
        Assert.Contains("trading-get_positions", sent.ToolNames);
        Assert.Contains("trading-get_forecast", sent.ToolNames);

        // Metered by the SK filter with the server's usage and priced: 321 × 0.5 / 1000 + 17 × 1.5 / 1000.
        var call = Assert.Single(await host.CallsAsync(AiFeatures.Chat, alice));
        Assert.Equal((ChatHost.ChatModel, 321L, 17L, 0.1860m), (call.Model, call.InputUnits, call.OutputUnits, call.CostUsd));
        var statistics = await ChatHost.ReadAsync(await client.GetAsync("/api/ai/cost/statistics"), HttpStatusCode.OK);
        var chat = statistics.GetProperty("byFeature").EnumerateArray().Single(f => f.GetProperty("key").GetString() == AiFeatures.Chat);
        Assert.Equal((1L, 321L, 17L, 0.1860m), (chat.GetProperty("requests").GetInt64(), chat.GetProperty("inputUnits").GetInt64(),
            chat.GetProperty("outputUnits").GetInt64(), chat.GetProperty("costUsd").GetDecimal()));
    }

    [Fact]
    public async Task A_scripted_tool_call_reads_the_callers_positions_only_and_both_model_calls_are_metered()
    {
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        await ChatTradingData.AddOpenPositionAsync(infrastructure, alice, "EURUSD", 1000m, 1.1m, 110m);
        await ChatTradingData.AddOpenPositionAsync(infrastructure, bob, "XAU-USD", 2m, 2000m, 400m);
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub);
        stub.Enqueue(OpenAiStubReply.ToolCall("trading-get_positions", promptTokens: 200, completionTokens: 12));
        stub.Enqueue(OpenAiStubReply.Text("You hold 1000 EURUSD at 1.1 with leverage 10; its liquidation is described in [1].", promptTokens: 260, completionTokens: 25));
        using var client = host.Client(alice);

        var answer = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "Which leveraged positions do I hold and when are they liquidated?" }), HttpStatusCode.OK);

        Assert.StartsWith("You hold 1000 EURUSD", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
        var tool = stub.Requests[1].Messages.Single(m => m.Role == "tool").Content;
        Assert.Contains("\"symbol\":\"EURUSD\"", tool, StringComparison.Ordinal);
        Assert.DoesNotContain("XAU-USD", tool, StringComparison.Ordinal);
        var usage = answer.GetProperty("usage");
        Assert.Equal((460L, 37L), (usage.GetProperty("promptTokens").GetInt64(), usage.GetProperty("completionTokens").GetInt64()));
        var calls = await host.CallsAsync(AiFeatures.Chat, alice);
        Assert.Equal([(200L, 12L), (260L, 25L)], calls.Select(c => (c.InputUnits, c.OutputUnits)).OrderBy(c => c.InputUnits));
    }

    [Fact]
    public async Task The_models_stream_is_passed_on_as_sources_deltas_and_done_with_the_streamed_usage()
    {
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub);
        stub.Enqueue(OpenAiStubReply.Text("Drawdown is the largest fall from a peak [1].", promptTokens: 150, completionTokens: 11));
        var user = Guid.NewGuid();
        using var client = host.Client(user);

        var response = await client.PostAsJsonAsync("/api/chat/project", new { message = "What is the maximum drawdown?", stream = true });
        var events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());

        Assert.True(stub.Requests[0].IsStreaming);
        Assert.Equal("sources", events[0].Event);
        Assert.Equal(["delta"], events[1..^1].Select(e => e.Event).Distinct());
        Assert.True(events.Count > 4, "the stub streams word by word");
        Assert.Equal("Drawdown is the largest fall from a peak [1].", string.Concat(events[1..^1].Select(e => e.Data.GetProperty("text").GetString())));
        var done = events[^1];
        Assert.Equal("done", done.Event);
        Assert.Equal((150L, 11L), (done.Data.GetProperty("usage").GetProperty("promptTokens").GetInt64(), done.Data.GetProperty("usage").GetProperty("completionTokens").GetInt64()));
        Assert.Equal(ChatHost.ChatModel, done.Data.GetProperty("model").GetString());
        Assert.Equal((150L, 11L), (Assert.Single(await host.CallsAsync(AiFeatures.Chat, user)) is var c ? (c.InputUnits, c.OutputUnits) : default));
    }

    [Fact]
    public async Task A_stopped_model_is_503_a_failing_one_502_streamed_too_and_offline_answers_only_when_configured_to()
    {
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub);
        using var client = host.Client();
        var question = new { message = "What is the maximum drawdown?" };

        stub.FailWith(500);
        var failing = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", question), HttpStatusCode.BadGateway);
        Assert.Equal("model_error", failing.GetProperty("code").GetString());
        Assert.Contains("500", failing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { question.message, stream = true }), HttpStatusCode.BadGateway);
        stub.FailWith(0);

        await stub.StopAsync();
        var stopped = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", question), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("model_unavailable", stopped.GetProperty("code").GetString());
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { question.message, stream = true }), HttpStatusCode.ServiceUnavailable);

        await using var fallingBack = await ChatHost.StartAsync(infrastructure, stub, ("Llm:FallBackToOffline", "true"));
        using var other = fallingBack.Client();
        var offline = await ChatHost.ReadAsync(await other.PostAsJsonAsync("/api/chat/project", question), HttpStatusCode.OK);
        Assert.Equal(ExtractiveChatCompletionService.ModelName, offline.GetProperty("model").GetString());
        Assert.Contains("[1]", offline.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_503()
    {
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub, ("Llm:TimeoutSeconds", "1"));
        stub.Delay = TimeSpan.FromSeconds(20);
        using var client = host.Client();

        var problem = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "What is the maximum drawdown?" }), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("in time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spent_daily_budget_refuses_before_the_model_is_called_with_429_and_retry_after()
    {
        // The budget is per feature and day for everyone: 1 USD above what the chat spent today so far (other tests price their calls too),
        // and the stub's 100 prompt tokens at 100 000 USD per 1K make the first answer spend 10 USD.
        var spent = await ChatHost.ChatSpentTodayAsync(infrastructure);
        await using var stub = await OpenAiStub.StartAsync();
        await using var host = await ChatHost.StartAsync(infrastructure, stub,
            ("AiCosts:Prices:" + ChatHost.ChatModel + ":Per1KInputTokensUsd", "100000"),
            ("AiCosts:DailyBudgetsUsd:chat", (spent + 1m).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = host.Client();
        var question = new { message = "What is the maximum drawdown?" };
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", question), HttpStatusCode.OK);

        var refused = await client.PostAsJsonAsync("/api/chat/project", question);
        var problem = await ChatHost.ReadAsync(refused, HttpStatusCode.TooManyRequests);

        Assert.Equal(AiFeatures.Chat, problem.GetProperty("feature").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Single(stub.Requests);
        // Streamed requests are refused the same way, before any event.
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { question.message, stream = true }), HttpStatusCode.TooManyRequests);
        Assert.Single(stub.Requests);
    }
}
