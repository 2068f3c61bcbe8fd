using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.ServiceDefaults.Llm;
using TradingPlatform.Worker.Analysis.Figures;
using TradingPlatform.Worker.Analysis.Review;
using TradingPlatform.Worker.Analysis.Rules;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// One analysis of one user: read the figures, run the rules, backtest the strategy suggestions, have the model review
/// them when one is configured, and store the run with its suggestions.
/// </summary>
/// <remarks>
/// Idempotent under Hangfire's at-least-once delivery. Attempts for one user are serialised by
/// <see cref="UserAnalysisLock"/>; holding it, a run still <c>running</c> can only be one whose Worker died, and the
/// attempt takes that history entry over instead of adding one. The suggestions are written in one transaction with the
/// run's completion, which supersedes the user's older active ones, so a killed attempt leaves nothing half-written
/// and a repeated one leaves exactly one run's suggestions active. A cancelled token (the job deleted, the Worker
/// stopping) stops it before anything is stored; the run stays <c>running</c> for the next attempt to take over.
/// A model that fails does not fail the run: the rule engine's suggestions are stored (source <c>rules</c>) and the
/// failure is recorded in the run's <see cref="AnalysisRun.Error"/>.
/// </remarks>
internal sealed class ConfigAnalysisRunner(
    AnalyticsDbContext db,
    SchemaStatus<AnalyticsDbContext> schema,
    UserFiguresLoader figuresLoader,
    ConfigRuleEngine engine,
    SuggestionBacktester backtester,
    IServiceProvider services,
    IOptions<LlmOptions> llm,
    TimeProvider time,
    ILogger<ConfigAnalysisRunner> logger)
{
    public async Task<Guid> RunAsync(Guid userId, string trigger, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A job enqueued before this Worker's first start waits for the analytics schema rather than failing a try.
        await schema.Completion.WaitAsync(cancellationToken);
        await using var userLock = await UserAnalysisLock.AcquireAsync(db, userId, cancellationToken);
        var run = await StartAsync(userId, trigger, cancellationToken);
        try
        {
            var figures = await figuresLoader.LoadAsync(userId, cancellationToken);
            var suggestions = await AnalyseAsync(figures, cancellationToken);
            string? error = null;
            string? model = null;
            if (llm.Value.HasEndpoint && suggestions.Count > 0)
            {
                try
                {
                    var review = await ReviewAsync(userId, figures, suggestions, cancellationToken);
                    suggestions = ReviewMerger.Merge(suggestions, review);
                    model = review.Model;
                }
                catch (ConfigReviewException failed) when (!cancellationToken.IsCancellationRequested)
                {
                    error = $"The model review failed ({failed.Message}); the rule engine's suggestions are kept.";
                    logger.LogWarning("Configuration analysis {RunId}: {Error}", run.Id, error);
                }
            }

            await StoreAsync(run, figures, suggestions, model, error, cancellationToken);
            logger.LogInformation("Configuration analysis {RunId} of user {UserId} ({Trigger}): {Count} suggestion(s) from {Source}",
                run.Id, userId, trigger, suggestions.Count, run.Source);
            return run.Id;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            await FailAsync(run, exception.Message);
            throw;
        }
    }

    private async Task<AnalysisRun> StartAsync(Guid userId, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = await db.AnalysisRuns.Where(r => r.UserId == userId && r.Status == AnalysisRunStatus.Running)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            run = new AnalysisRun { UserId = userId, Trigger = trigger, StartedAt = now };
            db.AnalysisRuns.Add(run);
        }
        else
        {
            // Left running by an attempt whose Worker died (we hold the user's lock): this attempt is its continuation.
            run.Trigger = trigger;
            run.StartedAt = now;
            run.Error = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task<IReadOnlyList<AnalysedSuggestion>> AnalyseAsync(UserFigures figures, CancellationToken cancellationToken)
    {
        var analysed = new List<AnalysedSuggestion>();
        foreach (var draft in engine.Evaluate(figures))
        {
            var effect = new JsonObject { ["summary"] = draft.Effect };
            if (draft.Backtest is { } change && figures.Strategies.FirstOrDefault(s => s.StrategyId == change.StrategyId) is { } strategy)
            {
                effect["backtest"] = await backtester.RunAsync(strategy, change, cancellationToken);
            }

            analysed.Add(new AnalysedSuggestion(draft, effect, SuggestionSources.Rules));
        }

        return analysed;
    }

    private async Task<ConfigReviewResult> ReviewAsync(Guid userId, UserFigures figures, IReadOnlyList<AnalysedSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var request = new ConfigReviewRequest(
            [.. suggestions.Select(s => new ReviewSuggestion(s.Draft.Key, s.Draft.Setting, s.Draft.StrategyId, s.Draft.AccountId, s.Draft.CurrentValue,
                s.Draft.ProposedValue, s.Draft.Reasoning, s.Effect.ToJsonString(), s.Draft.Confidence))],
            figures.ToDictionary());
        return await services.GetRequiredService<ConfigReviewClient>().ReviewAsync(userId, request, cancellationToken);
    }

    private async Task StoreAsync(
        AnalysisRun run, UserFigures figures, IReadOnlyList<AnalysedSuggestion> suggestions, string? model, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var source = model is null ? SuggestionSources.Rules : SuggestionSources.Llm;
        var figuresJson = JsonSerializer.Serialize(figures.ToDictionary());
        var message = error is null ? null : Truncate(error);
        // Aspire's context retries transient failures; a transaction of ours must then run inside its strategy, whole.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.ConfigSuggestions.Where(s => s.UserId == run.UserId && s.Status == SuggestionStatus.Active && s.RunId != run.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SuggestionStatus.Superseded), token);
            // A previous attempt never commits suggestions without the run's completion; a stale set is cheap to rule out.
            await db.ConfigSuggestions.Where(s => s.RunId == run.Id).ExecuteDeleteAsync(token);
            db.ConfigSuggestions.AddRange(suggestions.Select(s => new ConfigSuggestion
            {
                RunId = run.Id, UserId = run.UserId, Key = s.Draft.Key, StrategyId = s.Draft.StrategyId, AccountId = s.Draft.AccountId,
                Setting = s.Draft.Setting, CurrentValue = s.Draft.CurrentValue, ProposedValue = s.Draft.ProposedValue, Reasoning = s.Draft.Reasoning,
                ExpectedEffect = s.Effect.ToJsonString(), Confidence = s.Draft.Confidence, Source = s.Source, CreatedAt = now,
            }));
            await db.SaveChangesAsync(token);
            await db.AnalysisRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, AnalysisRunStatus.Succeeded).SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.Source, source).SetProperty(r => r.Model, model).SetProperty(r => r.Figures, figuresJson)
                .SetProperty(r => r.SuggestionCount, suggestions.Count).SetProperty(r => r.Error, message), token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
        run.Status = AnalysisRunStatus.Succeeded;
        run.Source = source;
    }

    private async Task FailAsync(AnalysisRun run, string error)
    {
        try
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow();
            var message = Truncate(error);
            await db.AnalysisRuns.Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, AnalysisRunStatus.Failed).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, message), CancellationToken.None);
        }
        catch (Exception recording) when (recording is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The database that failed the run may refuse this too; Hangfire's retry starts a new entry.
            logger.LogWarning(recording, "Could not record the failure of configuration analysis {RunId}", run.Id);
        }
    }

    private static string Truncate(string text) => text.Length <= AnalysisRun.MaxErrorLength ? text : text[..(AnalysisRun.MaxErrorLength - 3)] + "...";
}
