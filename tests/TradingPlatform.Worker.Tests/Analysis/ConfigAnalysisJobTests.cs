using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Jobs.Analysis;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Analysis;
using TradingPlatform.Worker.Analytics;
using TradingPlatform.Worker.Tests.Support;

namespace TradingPlatform.Worker.Tests.Analysis;

/// <summary>The analysis queue's job, enqueued as the Api enqueues it: it records the request once per user however often it runs.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConfigAnalysisJobTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_config_analysis_job_from_a_client_records_the_request_once_per_user_however_often_it_runs()
    {
        await using var worker = new WorkerFactory(infrastructure);
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);
        var userId = Guid.NewGuid();

        var first = client.Jobs.Enqueue<IConfigAnalysisJob>(job => job.RunAsync(userId, CancellationToken.None));
        await WaitForSuccessAsync(client.Storage, first);
        var recorded = await RequestOfAsync(worker, userId);
        var second = client.Jobs.Enqueue<IConfigAnalysisJob>(job => job.RunAsync(userId, CancellationToken.None));
        await WaitForSuccessAsync(client.Storage, second);

        Assert.NotNull(recorded);
        Assert.Equal(ConfigAnalysisRequest.Requested, recorded.Status);
        await using var scope = worker.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().ConfigAnalysisRequests.AsNoTracking()
            .Where(r => r.UserId == userId).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(ConfigAnalysisRequest.Requested, row.Status);
        Assert.True(row.RequestedAt >= recorded.RequestedAt);
    }

    [Fact]
    public async Task The_job_honours_a_cancelled_token_and_records_nothing()
    {
        await using var worker = new WorkerFactory(infrastructure);
        // The Worker migrates its analytics schema in the background at start; the check below reads that table.
        await worker.Services.GetRequiredService<SchemaStatus<AnalyticsDbContext>>().Completion.WaitAsync(Timeout);
        await using var scope = worker.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<IConfigAnalysisJob>();
        var userId = Guid.NewGuid();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.RunAsync(userId, new CancellationToken(canceled: true)));

        Assert.Null(await RequestOfAsync(worker, userId));
    }

    private static async Task WaitForSuccessAsync(JobStorage storage, string jobId)
    {
        var state = await Poll.UntilAsync(() =>
        {
            using var connection = storage.GetConnection();
            return Task.FromResult(connection.GetJobData(jobId)?.State);
        }, state => state == SucceededState.StateName || state == FailedState.StateName, Timeout, $"job {jobId} to finish");
        Assert.Equal(SucceededState.StateName, state);
    }

    private static async Task<ConfigAnalysisRequest?> RequestOfAsync(WorkerFactory worker, Guid userId)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().ConfigAnalysisRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserId == userId);
    }
}
