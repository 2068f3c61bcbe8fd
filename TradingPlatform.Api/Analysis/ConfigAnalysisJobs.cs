using System.Runtime.ExceptionServices;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Jobs.Analysis;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// Enqueues <see cref="IConfigAnalysisJob"/> for a user, at most one pending (queued or running) at a time, and reads
/// the state of a user's job. The Api only enqueues; the Worker serves the <c>analysis</c> queue.
/// </summary>
/// <remarks>
/// The pending job's id is kept in Hangfire's own storage (a hash <c>config-analysis:{userId}</c> in the <c>hangfire</c>
/// schema), beside the job it names: durable, shared by every Api replica, no table or migration of the Api's, and
/// it expires by itself. A trigger takes a distributed lock (Hangfire.PostgreSql's, a row in that schema) per user,
/// reads the id, and enqueues a new job only when there is none or its job is no longer queued or running, so two
/// replicas triggering at once still enqueue one job.
/// </remarks>
public sealed class ConfigAnalysisJobs(IBackgroundJobClient jobs, JobStorage storage)
{
    private const string JobIdField = "jobId";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Long after any job finished; a hash that outlives its job is harmless, since its job's state is checked.</summary>
    private static readonly TimeSpan PendingRetention = TimeSpan.FromDays(7);

    /// <summary>The user's pending job, or a new one enqueued now.</summary>
    public ConfigAnalysisJobResponse Trigger(Guid userId)
    {
        try
        {
            using var connection = storage.GetConnection();
            using var userLock = connection.AcquireDistributedLock($"config-analysis:trigger:{userId:N}", LockTimeout);
            var key = PendingKey(userId);
            if (connection.GetAllEntriesFromHash(key)?.GetValueOrDefault(JobIdField) is { } pendingId
                && connection.GetJobData(pendingId) is { } pending
                && ConfigAnalysisJobStatus.IsPending(ConfigAnalysisJobStatus.From(pending.State)))
            {
                return new ConfigAnalysisJobResponse(pendingId, ConfigAnalysisJobStatus.From(pending.State));
            }

            // The queue (analysis) and the retries come from the contract's attributes. Hangfire stores the arguments;
            // the token is the Worker's, cancelled when the job is deleted or the Worker stops.
            var jobId = jobs.Enqueue<IConfigAnalysisJob>(job => job.RunAsync(userId, CancellationToken.None));
            using var transaction = connection.CreateWriteTransaction();
            transaction.SetRangeInHash(key, [new KeyValuePair<string, string>(JobIdField, jobId)]);
            if (transaction is JobStorageTransaction expiring)
            {
                expiring.ExpireHash(key, PendingRetention);
            }

            transaction.Commit();
            return new ConfigAnalysisJobResponse(jobId, ConfigAnalysisJobStatus.Queued);
        }
        catch (PostgreSqlDistributedLockException)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                "Another configuration analysis is being requested for you right now; retry in a moment.") { RetryAfterSeconds = 1 };
        }
        catch (BackgroundJobClientException exception) when (exception.InnerException is not null)
        {
            // Hangfire wraps the storage's failure; the exception handler turns an unreachable database into a 503.
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    /// <summary>The user's configuration-analysis job <paramref name="jobId"/>; null when there is none of theirs.</summary>
    public ConfigAnalysisJobResponse? Find(Guid userId, string jobId)
    {
        using var connection = storage.GetConnection();
        var data = connection.GetJobData(jobId);
        return data?.Job is { } job && job.Type == typeof(IConfigAnalysisJob) && job.Args is [Guid owner, ..] && owner == userId
            ? new ConfigAnalysisJobResponse(jobId, ConfigAnalysisJobStatus.From(data.State))
            : null;
    }

    private static string PendingKey(Guid userId) => $"config-analysis:{userId:N}";
}
