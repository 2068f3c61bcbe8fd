using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Jobs.Analysis;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Positions;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Analytics;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>
/// The analysis queue's job on real trading data: the suggestions and the history it stores, idempotent reruns, a
/// killed attempt's entry taken over, the token honoured, and the daily run's choice of users.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConfigAnalysisJobTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly AnalysisData _data = new(infrastructure);

    [Fact]
    public async Task An_over_leveraged_losing_strategy_gets_lower_leverage_and_a_tighter_stop_with_the_figures_and_a_backtest()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instrument = await _data.AddInstrumentWithHoursAsync(now);
        var (account, strategy) = await _data.AddOverLeveragedLoserAsync(userId, instrument, now);

        await RunAsync(worker, userId);

        var run = Assert.Single(await RunsAsync(worker, userId));
        Assert.Equal(AnalysisRunStatus.Succeeded, run.Status);
        Assert.Equal(AnalysisTriggers.Manual, run.Trigger);
        Assert.Equal(SuggestionSources.Rules, run.Source);
        Assert.Null(run.Error);
        using (var figures = JsonDocument.Parse(run.Figures))
        {
            Assert.Equal(10, figures.RootElement.GetProperty($"strategy:{strategy.Id}:maxLeverageUsed").GetDouble());
            Assert.Equal(2, figures.RootElement.GetProperty($"strategy:{strategy.Id}:liquidations").GetDouble());
            Assert.Equal(1, figures.RootElement.GetProperty($"strategy:{strategy.Id}:stopLossHits").GetDouble());
            Assert.Equal(-2342, figures.RootElement.GetProperty($"account:{account.Id}:netPnl").GetDouble());
        }

        var suggestions = await SuggestionsAsync(worker, userId);
        Assert.Equal(run.SuggestionCount, suggestions.Count);
        Assert.All(suggestions, s => Assert.Equal(SuggestionStatus.Active, s.Status));
        var leverage = Assert.Single(suggestions, s => s.Setting == ConfigSettings.Leverage);
        Assert.Equal(account.Id.Value, leverage.AccountId);
        Assert.Equal(("10", "3"), (leverage.CurrentValue, leverage.ProposedValue));
        Assert.Contains("up to 10x leverage", leverage.Reasoning, StringComparison.Ordinal);
        Assert.Contains("2 liquidation(s)", leverage.Reasoning, StringComparison.Ordinal);
        Assert.Contains("-2342.00 over 6 trades", leverage.Reasoning, StringComparison.Ordinal);
        Assert.InRange(leverage.Confidence, 0.5, 0.95);

        var stop = Assert.Single(suggestions, s => s.Setting == ConfigSettings.StopLoss);
        Assert.Equal(strategy.Id.Value, stop.StrategyId);
        Assert.Equal("15", stop.CurrentValue);
        Assert.InRange(decimal.Parse(stop.ProposedValue, System.Globalization.CultureInfo.InvariantCulture), 0.1m, 5m);
        Assert.Contains("2 position(s) were liquidated before the 15% stop", stop.Reasoning, StringComparison.Ordinal);
        Assert.Contains("10x leverage", stop.Reasoning, StringComparison.Ordinal);
        Assert.Contains("1 stop-loss hit(s)", stop.Reasoning, StringComparison.Ordinal);
        using var effect = JsonDocument.Parse(stop.ExpectedEffect);
        Assert.Contains("Stop-loss 15%", effect.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var backtest = effect.RootElement.GetProperty("backtest");
        Assert.False(backtest.TryGetProperty("skipped", out var skipped), skipped.ToString());
        foreach (var side in new[] { "current", "proposed" })
        {
            var metrics = backtest.GetProperty(side);
            Assert.Equal("1h", metrics.GetProperty("interval").GetString());
            Assert.InRange(metrics.GetProperty("bars").GetInt64(), 24 * 29, 24 * 30);
            Assert.True(metrics.TryGetProperty("maxDrawdown", out _));
            Assert.True(metrics.TryGetProperty("sharpe", out _));
            Assert.True(metrics.TryGetProperty("trades", out _));
        }
    }

    [Fact]
    public async Task A_rerun_supersedes_the_previous_suggestions_and_never_duplicates_them()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instrument = await _data.AddInstrumentWithHoursAsync(now);
        await _data.AddOverLeveragedLoserAsync(userId, instrument, now);

        await RunAsync(worker, userId);
        var first = await SuggestionsAsync(worker, userId);
        await RunAsync(worker, userId);
        var all = await SuggestionsAsync(worker, userId);

        var runs = await RunsAsync(worker, userId);
        Assert.Equal(2, runs.Count);
        var latest = runs.MaxBy(r => r.StartedAt)!;
        var active = all.Where(s => s.Status == SuggestionStatus.Active).ToList();
        Assert.Equal(first.Count, active.Count);
        Assert.All(active, s => Assert.Equal(latest.Id, s.RunId));
        Assert.Equal(active.Count, active.Select(s => s.Key).Distinct().Count());
        Assert.All(all.Where(s => s.RunId != latest.Id), s => Assert.Equal(SuggestionStatus.Superseded, s.Status));
        // The same data, the same suggestions (the backtests are seeded by the strategy).
        Assert.Equal(first.Select(s => (s.Key, s.ProposedValue, s.ExpectedEffect)).Order(), active.Select(s => (s.Key, s.ProposedValue, s.ExpectedEffect)).Order());
    }

    [Fact]
    public async Task Two_attempts_at_once_for_one_user_run_one_after_the_other_and_leave_one_active_set()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instrument = await _data.AddInstrumentWithHoursAsync(now);
        await _data.AddOverLeveragedLoserAsync(userId, instrument, now);

        await Task.WhenAll(RunAsync(worker, userId), RunAsync(worker, userId), RunAsync(worker, userId));

        var runs = await RunsAsync(worker, userId);
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal(AnalysisRunStatus.Succeeded, r.Status));
        var active = (await SuggestionsAsync(worker, userId)).Where(s => s.Status == SuggestionStatus.Active).ToList();
        Assert.Single(active.Select(s => s.RunId).Distinct());
        Assert.Equal(active.Count, active.Select(s => s.Key).Distinct().Count());
        Assert.Equal(runs[0].SuggestionCount, active.Count);
    }

    [Fact]
    public async Task An_attempt_after_a_killed_one_takes_over_its_history_entry_and_stores_one_set()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var instrument = await _data.AddInstrumentWithHoursAsync(now);
        await _data.AddOverLeveragedLoserAsync(userId, instrument, now);
        // What a Worker killed mid-run leaves: its entry still running, nothing else.
        var killed = new AnalysisRun { UserId = userId, Trigger = AnalysisTriggers.Manual, StartedAt = now.AddMinutes(-5) };
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            db.AnalysisRuns.Add(killed);
            await db.SaveChangesAsync();
        }

        await RunAsync(worker, userId);

        var run = Assert.Single(await RunsAsync(worker, userId));
        Assert.Equal(killed.Id, run.Id);
        Assert.Equal(AnalysisRunStatus.Succeeded, run.Status);
        var suggestions = await SuggestionsAsync(worker, userId);
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(killed.Id, s.RunId));
    }

    [Fact]
    public async Task A_user_without_any_data_gets_no_suggestions_and_a_history_entry()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        var userId = Guid.NewGuid();

        await RunAsync(worker, userId);

        var run = Assert.Single(await RunsAsync(worker, userId));
        Assert.Equal(AnalysisRunStatus.Succeeded, run.Status);
        Assert.Equal(0, run.SuggestionCount);
        Assert.Equal("{}", run.Figures.Replace(" ", "", StringComparison.Ordinal));
        Assert.Empty(await SuggestionsAsync(worker, userId));
    }

    [Fact]
    public async Task The_job_enqueued_as_the_api_enqueues_it_runs_on_the_analysis_queue()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        await using var client = await JobClient.StartAsync(infrastructure);
        var userId = Guid.NewGuid();
        var account = await _data.AddAccountAsync(userId, maxDailyLoss: null);
        await _data.AddRoundTripAsync(account, null, "BTC-USD", DateTimeOffset.UtcNow.AddDays(-1), 100m, 10m, -50m, PositionCloseReason.Closed, 1);

        var jobId = client.Jobs.Enqueue<IConfigAnalysisJob>(job => job.RunAsync(userId, CancellationToken.None));

        var state = await Poll.UntilAsync(() =>
        {
            using var connection = client.Storage.GetConnection();
            return Task.FromResult(connection.GetJobData(jobId)?.State);
        }, s => s == SucceededState.StateName || s == FailedState.StateName, Timeout, $"job {jobId} to finish");
        Assert.Equal(SucceededState.StateName, state);
        var suggestion = Assert.Single(await SuggestionsAsync(worker, userId));
        Assert.Equal(ConfigSettings.AccountMaxDailyLoss, suggestion.Setting);
        Assert.Equal(("none", "500"), (suggestion.CurrentValue, suggestion.ProposedValue));
    }

    [Fact]
    public async Task The_job_honours_a_cancelled_token_and_records_nothing()
    {
        await using var worker = await StartWorkerAsync();
        await using var scope = worker.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<IConfigAnalysisJob>();
        var userId = Guid.NewGuid();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.RunAsync(userId, new CancellationToken(canceled: true)));

        Assert.Empty(await RunsAsync(worker, userId));
    }

    [Fact]
    public async Task The_daily_run_covers_users_with_an_active_strategy_or_a_recent_fill_and_analyses_each_once_a_day()
    {
        await _data.EnsureSchemaAsync();
        await using var worker = await StartWorkerAsync();
        var withStrategy = Guid.NewGuid();
        var recentTrader = Guid.NewGuid();
        var idle = Guid.NewGuid();
        var account = await _data.AddAccountAsync(withStrategy);
        await _data.AddStrategyAsync(withStrategy, account.Id, "BTC-USD", RiskManagement.Default);
        var traded = await _data.AddAccountAsync(recentTrader);
        await _data.AddRoundTripAsync(traded, null, "BTC-USD", DateTimeOffset.UtcNow.AddHours(-3), 100m, 1m, 5m, PositionCloseReason.Closed, 1);
        var old = await _data.AddAccountAsync(idle);
        await _data.AddRoundTripAsync(old, null, "BTC-USD", DateTimeOffset.UtcNow.AddDays(-3), 100m, 1m, 5m, PositionCloseReason.Closed, 1);
        await _data.AddStrategyAsync(idle, old.Id, "BTC-USD", RiskManagement.Default, active: false);

        await using var scope = worker.Services.CreateAsyncScope();
        var daily = (DailyConfigAnalysisJob)scope.ServiceProvider.GetRequiredService<IDailyConfigAnalysisJob>();
        var users = await daily.ActiveUsersAsync(CancellationToken.None);
        await daily.AnalyseUserAsync(withStrategy, CancellationToken.None);
        await daily.AnalyseUserAsync(withStrategy, CancellationToken.None);

        Assert.Contains(withStrategy, users);
        Assert.Contains(recentTrader, users);
        Assert.DoesNotContain(idle, users);
        var run = Assert.Single(await RunsAsync(worker, withStrategy));
        Assert.Equal(AnalysisTriggers.Daily, run.Trigger);
    }

    private async Task<WorkerFactory> StartWorkerAsync(params (string Key, string? Value)[] overrides)
    {
        var worker = new WorkerFactory(infrastructure, null, overrides);
        await worker.Services.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion.WaitAsync(Timeout);
        return worker;
    }

    internal static async Task RunAsync(WorkerFactory worker, Guid userId)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IConfigAnalysisJob>().RunAsync(userId, CancellationToken.None).WaitAsync(Timeout);
    }

    internal static async Task<List<AnalysisRun>> RunsAsync(WorkerFactory worker, Guid userId)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().AnalysisRuns.AsNoTracking().Where(r => r.UserId == userId).ToListAsync();
    }

    internal static async Task<List<ConfigSuggestion>> SuggestionsAsync(WorkerFactory worker, Guid userId)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().ConfigSuggestions.AsNoTracking()
            .Where(s => s.UserId == userId).OrderBy(s => s.Key).ToListAsync();
    }
}
