using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Analytics;
using TradingPlatform.Worker.Tests.Support;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>
/// With a model configured (<c>Llm:Endpoint</c>), the job sends the rule engine's suggestions to the AiService (a stub
/// here, found as <c>http://ai</c> through service discovery) and stores the reviewed ones; a failing review keeps the
/// rules' suggestions and says so in the history.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConfigAnalysisModelTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly AnalysisData _data = new(infrastructure);

    [Fact]
    public async Task A_reviewed_analysis_stores_the_models_suggestions_with_source_llm_and_keeps_the_backtests()
    {
        await using var stub = await ConfigReviewStub.StartAsync(ConfigReviewStub.Mode.Review);
        stub.ProposedOverride = "2";
        await using var worker = await StartWorkerAsync(stub);
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instrument = await _data.AddInstrumentWithHoursAsync(now);
        await _data.AddOverLeveragedLoserAsync(userId, instrument, now);

        await ConfigAnalysisJobTests.RunAsync(worker, userId);

        var run = Assert.Single(await ConfigAnalysisJobTests.RunsAsync(worker, userId));
        Assert.Equal((AnalysisRunStatus.Succeeded, SuggestionSources.Llm, ConfigReviewStub.Model), (run.Status, run.Source, run.Model));
        Assert.Null(run.Error);
        var sent = Assert.Single(stub.Requests).Body;
        var suggestions = await ConfigAnalysisJobTests.SuggestionsAsync(worker, userId);
        Assert.Equal(sent["suggestions"]!.AsArray().Count, suggestions.Count);
        Assert.DoesNotContain(suggestions, s => s.Key == "invented");
        Assert.All(suggestions, s =>
        {
            Assert.Equal(SuggestionSources.Llm, s.Source);
            Assert.StartsWith("Reviewed: ", s.Reasoning, StringComparison.Ordinal);
            Assert.Equal(0.9, s.Confidence);
            Assert.Contains("The model expects", s.ExpectedEffect, StringComparison.Ordinal);
        });
        // The first suggestion is the leverage one: the model's valid proposal replaces the rule's.
        var leverage = Assert.Single(suggestions, s => s.Setting == ConfigSettings.Leverage);
        Assert.Equal("2", leverage.ProposedValue);
        var stop = Assert.Single(suggestions, s => s.Setting == ConfigSettings.StopLoss);
        Assert.Contains("\"backtest\"", stop.ExpectedEffect, StringComparison.Ordinal);
        Assert.Contains("\"proposed\"", stop.ExpectedEffect, StringComparison.Ordinal);
        Assert.True(sent["figures"]!.AsObject().Count > 10);
    }

    [Fact]
    public async Task A_model_that_fails_leaves_the_rules_suggestions_and_the_failure_in_the_history()
    {
        await using var stub = await ConfigReviewStub.StartAsync(ConfigReviewStub.Mode.NoModel);
        await using var worker = await StartWorkerAsync(stub);
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instrument = await _data.AddInstrumentWithHoursAsync(now);
        await _data.AddOverLeveragedLoserAsync(userId, instrument, now);

        await ConfigAnalysisJobTests.RunAsync(worker, userId);

        var run = Assert.Single(await ConfigAnalysisJobTests.RunsAsync(worker, userId));
        Assert.Equal((AnalysisRunStatus.Succeeded, SuggestionSources.Rules), (run.Status, run.Source));
        Assert.Contains("no_model", run.Error, StringComparison.Ordinal);
        Assert.Contains("rule engine's suggestions are kept", run.Error, StringComparison.Ordinal);
        var suggestions = await ConfigAnalysisJobTests.SuggestionsAsync(worker, userId);
        Assert.Contains(suggestions, s => s.Setting == ConfigSettings.Leverage);
        Assert.All(suggestions, s => Assert.Equal(SuggestionSources.Rules, s.Source));
    }

    private async Task<WorkerFactory> StartWorkerAsync(ConfigReviewStub stub)
    {
        await _data.EnsureSchemaAsync();
        var worker = new WorkerFactory(infrastructure, null,
            ("Llm:Endpoint", "http://127.0.0.1:9/v1"), ("Llm:ChatModel", "any"), ("services:ai:http:0", stub.Url));
        await worker.Services.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion.WaitAsync(Timeout);
        return worker;
    }
}
