using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Chat;
using TradingPlatform.AiService.Costs;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>The project chat with no model configured: the offline extractive answerer on the real AiService, Redis and PostgreSQL.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ProjectChatOfflineTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_offline_default_answers_without_any_key_from_the_best_sentences_citing_them_and_meters_its_tokens()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        var alice = Guid.NewGuid();
        using var client = host.Client(alice);

        var answer = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project",
            new { message = "How is the Sharpe ratio of a backtest computed?", context = new { page = "backtests" } }), HttpStatusCode.OK);

        var text = answer.GetProperty("answer").GetString()!;
        var sources = answer.GetProperty("sources").EnumerateArray().ToList();
        var sharpe = sources.Single(s => s.GetProperty("anchor").GetString() == "sharpe-ratio");
        var number = sharpe.GetProperty("number").GetInt32();
        Assert.Equal(("docs/backtesting-metrics.md", "Sharpe ratio"), (sharpe.GetProperty("path").GetString(), sharpe.GetProperty("heading").GetString()));
        // The passage's defining sentence, cited with the passage's number.
        Assert.Contains($"divided by their standard deviation, annualised by the bars per year [{number}]", text, StringComparison.Ordinal);
        Assert.Equal(ExtractiveChatCompletionService.ModelName, answer.GetProperty("model").GetString());
        var usage = answer.GetProperty("usage");
        var (prompt, completion) = (usage.GetProperty("promptTokens").GetInt64(), usage.GetProperty("completionTokens").GetInt64());
        Assert.True(prompt > 50 && completion > 10, usage.GetRawText());
        Assert.Equal(prompt + completion, usage.GetProperty("totalTokens").GetInt64());
        Assert.NotEqual(Guid.Empty, answer.GetProperty("conversationId").GetGuid());

        // Metered as chat, by the SK filter, with the tokens the answer reported; free (no price for the offline answerer).
        var call = Assert.Single(await host.CallsAsync(AiFeatures.Chat, alice));
        Assert.Equal((ExtractiveChatCompletionService.ModelName, prompt, completion, 0m), (call.Model, call.InputUnits, call.OutputUnits, call.CostUsd));
    }

    [Fact]
    public async Task A_question_no_passage_answers_says_the_documentation_does_not_cover_it_with_no_sources_and_no_model_call()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        var user = Guid.NewGuid();
        using var client = host.Client(user);

        var answer = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "Who painted the Mona Lisa?" }), HttpStatusCode.OK);

        Assert.Equal(ChatPrompt.NotCovered, answer.GetProperty("answer").GetString());
        Assert.Empty(answer.GetProperty("sources").EnumerateArray());
        Assert.Equal((ProjectChat.NoModel, 0L), (answer.GetProperty("model").GetString(), answer.GetProperty("usage").GetProperty("totalTokens").GetInt64()));
        Assert.Empty(await host.CallsAsync(AiFeatures.Chat, user));
    }

    [Fact]
    public async Task A_conversation_is_kept_continued_and_cleared_and_another_users_is_not_found()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        var alice = Guid.NewGuid();
        using var aliceClient = host.Client(alice);
        using var bob = host.Client();

        var first = await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project", new { message = "What is the maximum drawdown?" }), HttpStatusCode.OK);
        var id = first.GetProperty("conversationId").GetGuid();
        // A follow-up without its topic finds it through the conversation's earlier question.
        var second = await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project",
            new { message = "Is it measured after fees?", conversationId = id.ToString() }), HttpStatusCode.OK);
        Assert.Equal(id, second.GetProperty("conversationId").GetGuid());
        Assert.Contains("maximum-drawdown", second.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("anchor").GetString()));
        Assert.Contains("after fees", second.GetProperty("answer").GetString(), StringComparison.Ordinal);

        var store = host.Services.GetRequiredService<ConversationStore>();
        var kept = (await store.ReadAsync(alice.ToString(), id))!;
        Assert.Equal([ChatTurn.User, ChatTurn.Assistant, ChatTurn.User, ChatTurn.Assistant], kept.Select(t => t.Role));
        Assert.Equal("Is it measured after fees?", kept[2].Content);

        // Bob can neither continue nor clear alice's conversation: to him it does not exist.
        var notFound = await ChatHost.ReadAsync(await bob.PostAsJsonAsync("/api/chat/project", new { message = "Is it?", conversationId = id.ToString() }), HttpStatusCode.NotFound);
        Assert.Equal("conversation_not_found", notFound.GetProperty("code").GetString());
        await ChatHost.ReadAsync(await bob.PostAsJsonAsync("/api/chat/project/clear", new { conversationId = id.ToString() }), HttpStatusCode.NotFound);
        Assert.NotNull(await store.ReadAsync(alice.ToString(), id));

        // A second conversation; clearing one leaves the other, clearing all removes it.
        var other = (await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project", new { message = "What is the leverage of an account?" }), HttpStatusCode.OK))
            .GetProperty("conversationId").GetGuid();
        Assert.Equal(1, (await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project/clear", new { conversationId = id.ToString() }), HttpStatusCode.OK))
            .GetProperty("cleared").GetInt32());
        await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project", new { message = "Is it?", conversationId = id.ToString() }), HttpStatusCode.NotFound);
        Assert.NotNull(await store.ReadAsync(alice.ToString(), other));
        Assert.Equal(1, (await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project/clear", new { }), HttpStatusCode.OK)).GetProperty("cleared").GetInt32());
        Assert.Null(await store.ReadAsync(alice.ToString(), other));

        // Kept with the configured time to live.
        var ttlHost = host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().GetDatabase();
        var third = (await ChatHost.ReadAsync(await aliceClient.PostAsJsonAsync("/api/chat/project", new { message = "What is the maximum drawdown?" }), HttpStatusCode.OK))
            .GetProperty("conversationId").GetGuid();
        var ttl = await ttlHost.KeyTimeToLiveAsync(store.ConversationKey(alice.ToString(), third));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_the_field_and_no_token_401()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        using var client = host.Client();

        async Task<string> Field(object body)
        {
            var problem = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", body), HttpStatusCode.BadRequest);
            return Assert.Single(problem.GetProperty("errors").EnumerateObject().ToList()).Name;
        }

        Assert.Equal("message", await Field(new { message = "" }));
        Assert.Equal("message", await Field(new { message = "   " }));
        Assert.Equal("message", await Field(new { context = new { page = "orders" } }));
        Assert.Equal("message", await Field(new { message = new string('a', ProjectChat.MaxMessageLength + 1) }));
        Assert.Equal("context", await Field(new { message = "What is leverage?", context = new[] { 1, 2 } }));
        Assert.Equal("context", await Field(new { message = "What is leverage?", context = new { note = new string('x', ProjectChat.MaxContextBytes) } }));
        Assert.Equal("conversationId", await Field(new { message = "What is leverage?", conversationId = "not-a-guid" }));
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "What is leverage?", conversationId = Guid.NewGuid().ToString() }), HttpStatusCode.NotFound);
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project/clear", new { conversationId = "nope" }), HttpStatusCode.BadRequest);
        using var malformed = new StringContent("{\"message\":", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/chat/project", malformed)).StatusCode);
        // Exactly the limit is accepted.
        await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "leverage " + new string('a', ProjectChat.MaxMessageLength - 9) }), HttpStatusCode.OK);

        using var anonymous = host.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/chat/project", new { message = "What is leverage?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/chat/project/suggestions")).StatusCode);
    }

    [Fact]
    public async Task Streamed_answers_send_sources_then_deltas_then_done_and_the_deltas_make_the_stored_answer()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        var user = Guid.NewGuid();
        using var client = host.Client(user);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/project") { Content = JsonContent.Create(new { message = "When is a leveraged position liquidated?" }) };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = ServerSentEvents.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("sources", events[0].Event);
        Assert.Equal("done", events[^1].Event);
        Assert.All(events[1..^1], e => Assert.Equal("delta", e.Event));
        Assert.True(events.Count >= 3);
        var leverage = events[0].Data.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("anchor").GetString() == "leverage-and-liquidation");
        var streamed = string.Concat(events[1..^1].Select(e => e.Data.GetProperty("text").GetString()));
        Assert.Contains($"[{leverage.GetProperty("number").GetInt32()}]", streamed, StringComparison.Ordinal);
        Assert.Contains("liquidated when its loss reaches its margin", streamed, StringComparison.Ordinal);
        var done = events[^1].Data;
        var id = done.GetProperty("conversationId").GetGuid();
        Assert.Equal(events[0].Data.GetProperty("conversationId").GetGuid(), id);
        Assert.True(done.GetProperty("usage").GetProperty("completionTokens").GetInt64() > 0);
        var kept = await host.Services.GetRequiredService<ConversationStore>().ReadAsync(user.ToString(), id);
        Assert.Equal(streamed, kept![1].Content);
        Assert.Single(await host.CallsAsync(AiFeatures.Chat, user));

        // "stream": true asks for the same without the Accept header.
        var flagged = await client.PostAsJsonAsync("/api/chat/project", new { message = "What is the maximum drawdown?", stream = true });
        Assert.Equal("text/event-stream", flagged.Content.Headers.ContentType?.MediaType);
        Assert.Equal("done", ServerSentEvents.Parse(await flagged.Content.ReadAsStringAsync())[^1].Event);
    }

    [Fact]
    public async Task Suggestions_come_from_the_knowledge_bases_headings_and_the_callers_leveraged_positions()
    {
        await using var host = await ChatHost.StartAsync(infrastructure);
        var trader = Guid.NewGuid();
        // 1 000 units at 1.1 on 110 of margin: leverage 10.
        await ChatTradingData.AddOpenPositionAsync(infrastructure, trader, "EURUSD", 1000m, 1.1m, 110m);
        using var leveraged = host.Client(trader);
        using var newcomer = host.Client();

        var theirs = (await ChatHost.ReadAsync(await leveraged.GetAsync("/api/chat/project/suggestions"), HttpStatusCode.OK)).GetProperty("suggestions").EnumerateArray().ToList();
        var fresh = (await ChatHost.ReadAsync(await newcomer.GetAsync("/api/chat/project/suggestions"), HttpStatusCode.OK)).GetProperty("suggestions").EnumerateArray().ToList();

        Assert.Equal(("leverage", "leverage-and-liquidation"), (theirs[0].GetProperty("topic").GetString(), theirs[0].GetProperty("anchor").GetString()));
        Assert.Contains("Leverage and liquidation", theirs[0].GetProperty("question").GetString(), StringComparison.Ordinal);
        Assert.All(fresh, s => Assert.Equal("docs", s.GetProperty("topic").GetString()));
        Assert.Equal(TestKnowledge.All.Count, fresh.Count);
        Assert.Equal("How do I use POST /api/orders Place an order?", fresh.Single(s => s.GetProperty("anchor").GetString() == "PlaceOrder").GetProperty("question").GetString());
    }

    [Fact]
    public async Task Without_a_knowledge_base_the_service_starts_and_the_chat_answers_503_instead_of_answering_blind()
    {
        await using var host = await ChatHost.StartWithoutKnowledgeAsync(infrastructure);
        using var client = host.Client();

        var problem = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = "What is the maximum drawdown?" }), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("knowledge_unavailable", problem.GetProperty("code").GetString());
        await ChatHost.ReadAsync(await client.GetAsync("/api/chat/project/suggestions"), HttpStatusCode.ServiceUnavailable);
        // The rest of the service is unaffected.
        await ChatHost.ReadAsync(await client.GetAsync("/api/ai/cost/statistics"), HttpStatusCode.OK);
    }
}
