using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Jobs;
using TradingPlatform.Worker.Maintenance;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Jobs;

/// <summary>The one registration of the Worker's recurring jobs: declared ones added, undeclared ones of its own removed, others' kept.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class RecurringJobsTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_worker_registers_its_recurring_jobs_at_start()
    {
        await using var worker = new WorkerFactory(infrastructure);

        await worker.Services.GetRequiredService<RecurringJobsRegistration>().Completion.WaitAsync(TimeSpan.FromSeconds(30));

        using var connection = worker.Services.GetRequiredService<JobStorage>().GetConnection();
        var ids = connection.GetRecurringJobs().Select(job => job.Id).ToHashSet();
        Assert.All(RecurringJobs.Declared, definition => Assert.Contains(definition.Id, ids));
        Assert.All(ids.Where(id => id.StartsWith(RecurringJobs.IdPrefix, StringComparison.Ordinal)),
            id => Assert.Contains(RecurringJobs.Declared, definition => definition.Id == id));

        // Each schedule's job resolves from the Worker's container, as the Hangfire server will resolve it.
        await using var scope = worker.Services.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IStuckRunsJob>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IExpiryAndFundingJob>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IEquitySnapshotJob>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IOutboxBacklogJob>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ICandleGapsJob>());
        Assert.Equal(
            ["worker:analysis:daily-config-analysis", "worker:maintenance:candle-gaps", "worker:maintenance:equity-snapshots", "worker:maintenance:expiry-and-funding",
             "worker:maintenance:outbox-backlog", "worker:maintenance:stuck-runs"],
            RecurringJobs.Declared.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Register_adds_the_declared_jobs_and_removes_only_its_own_undeclared_ones()
    {
        await using var worker = new WorkerFactory(infrastructure, services => services.AddScoped<IProbeJob, ProbeJob>());
        var manager = worker.Services.GetRequiredService<IRecurringJobManager>();
        var storage = worker.Services.GetRequiredService<JobStorage>();
        // A prefix of this test's own, so that the Worker's registration at start never touches these ids.
        var prefix = $"test-{Guid.NewGuid():N}:";
        var kept = $"{prefix}kept";
        var stale = $"{prefix}stale";
        var others = $"other-{Guid.NewGuid():N}:training";
        manager.AddOrUpdate<IProbeJob>(stale, job => job.RunAsync("stale", CancellationToken.None), Cron.Daily());
        manager.AddOrUpdate<IProbeJob>(others, job => job.RunAsync("others", CancellationToken.None), Cron.Daily());
        try
        {
            IRecurringJobDefinition[] declared = [new RecurringJobDefinition<IProbeJob>(kept, Cron.Hourly(), job => job.RunAsync("kept", CancellationToken.None))];

            var removed = RecurringJobs.Register(manager, storage, declared, prefix);
            var again = RecurringJobs.Register(manager, storage, declared, prefix);

            Assert.Equal([stale], removed);
            Assert.Empty(again);
            using var connection = storage.GetConnection();
            var jobs = connection.GetRecurringJobs().ToDictionary(job => job.Id);
            Assert.Equal(Cron.Hourly(), jobs[kept].Cron);
            Assert.False(jobs.ContainsKey(stale));
            Assert.True(jobs.ContainsKey(others));

            IRecurringJobDefinition elsewhere = new RecurringJobDefinition<IProbeJob>("elsewhere:x", Cron.Daily(), job => job.RunAsync("x", CancellationToken.None));
            Assert.Throws<ArgumentException>(() => RecurringJobs.Register(manager, storage, [elsewhere], prefix));
            Assert.Throws<ArgumentException>(() => RecurringJobs.Register(manager, storage, [declared[0], declared[0]], prefix));
        }
        finally
        {
            manager.RemoveIfExists(kept);
            manager.RemoveIfExists(stale);
            manager.RemoveIfExists(others);
        }
    }

    [Fact]
    public void Every_declared_id_is_unique_and_starts_with_the_worker_prefix()
    {
        Assert.All(RecurringJobs.Declared, definition => Assert.StartsWith(RecurringJobs.IdPrefix, definition.Id, StringComparison.Ordinal));
        Assert.Equal(RecurringJobs.Declared.Count, RecurringJobs.Declared.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
