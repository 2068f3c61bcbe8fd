using Microsoft.EntityFrameworkCore;
using TradingPlatform.Jobs.Analysis;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// The <c>analysis</c> queue's configuration analysis. For now it records that the user asked for one (the analysis
/// itself arrives with the AI issue). Idempotent: one upsert per user, so a retry, a job fetched again after a killed
/// Worker, or a second trigger leaves the same single row. It honours the token Hangfire passes (cancelled when the job
/// is deleted or the Worker stops).
/// </summary>
internal sealed class ConfigAnalysisJob(
    AnalyticsDbContext db, SchemaStatus<AnalyticsDbContext> schema, TimeProvider time, ILogger<ConfigAnalysisJob> logger) : IConfigAnalysisJob
{
    public async Task RunAsync(Guid userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A job enqueued before this Worker's first start waits for the analytics schema rather than failing a try.
        await schema.Completion.WaitAsync(cancellationToken);
        var now = time.GetUtcNow();
        var status = ConfigAnalysisRequest.Requested;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analytics.config_analysis_requests ("UserId", "Status", "RequestedAt")
            VALUES ({userId}, {status}, {now})
            ON CONFLICT ("UserId") DO UPDATE SET "Status" = EXCLUDED."Status", "RequestedAt" = EXCLUDED."RequestedAt"
            """, cancellationToken);
        logger.LogInformation("Configuration analysis requested for user {UserId}; recorded, the analysis itself is not implemented yet", userId);
    }
}
