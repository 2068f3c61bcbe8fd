using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Analysis;

internal sealed class DailyConfigAnalysisJob(
    TradingDbContext trading, AnalyticsDbContext analytics, ConfigAnalysisRunner runner, IBackgroundJobClient jobs,
    IOptions<ConfigAnalysisOptions> options, TimeProvider time, ILogger<DailyConfigAnalysisJob> logger) : IDailyConfigAnalysisJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var users = await ActiveUsersAsync(cancellationToken);
        foreach (var userId in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            jobs.Enqueue<IDailyConfigAnalysisJob>(job => job.AnalyseUserAsync(userId, CancellationToken.None));
        }

        logger.LogInformation("Daily configuration analysis queued for {Count} user(s)", users.Count);
    }

    public async Task AnalyseUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        if (await analytics.AnalysisRuns.AnyAsync(r => r.UserId == userId && r.Trigger == AnalysisTriggers.Daily
                && r.Status == AnalysisRunStatus.Succeeded && r.StartedAt >= today, cancellationToken))
        {
            logger.LogInformation("User {UserId} already had today's daily configuration analysis", userId);
            return;
        }

        await runner.RunAsync(userId, AnalysisTriggers.Daily, cancellationToken);
    }

    /// <summary>Owners of an active strategy, and owners of an account with a fill in the activity window.</summary>
    internal async Task<IReadOnlyList<Guid>> ActiveUsersAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddHours(-options.Value.DailyActivityHours);
        var withStrategies = await trading.Set<Strategy>().AsNoTracking().Where(s => s.Status == StrategyStatus.Active)
            .Select(s => s.OwnerId).Distinct().ToListAsync(cancellationToken);
        var trading24h = await (
            from fill in trading.Fills.AsNoTracking()
            join account in trading.Accounts.AsNoTracking() on fill.AccountId equals account.Id
            where fill.ExecutedAt >= since && account.DeletedAt == null
            select account.OwnerId).Distinct().ToListAsync(cancellationToken);
        return [.. withStrategies.Union(trading24h).Order()];
    }
}
