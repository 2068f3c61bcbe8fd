using System.Linq.Expressions;
using Hangfire;

namespace TradingPlatform.Worker.Jobs;

/// <summary>
/// A recurring call of a job contract, on a cron schedule in UTC. The queue is the contract method's <c>[Queue]</c>, as
/// for any enqueued job: <c>new RecurringJobDefinition&lt;IPurgeJob&gt;("worker:maintenance:purge", Cron.Daily(3),
/// job =&gt; job.RunAsync(CancellationToken.None))</c>.
/// </summary>
public sealed record RecurringJobDefinition<TJob>(string Id, string Cron, Expression<Func<TJob, Task>> Call) : IRecurringJobDefinition
{
    public void AddOrUpdate(IRecurringJobManager manager) =>
        manager.AddOrUpdate(Id, Call, Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
