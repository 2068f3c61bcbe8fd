using System.Diagnostics;
using System.Net;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TradingPlatform.Jobs;
using TradingPlatform.Testing;
using TradingPlatform.Worker.Tests.Support;
using Xunit.Abstractions;

namespace TradingPlatform.Worker.Tests.Jobs;

/// <summary>
/// The Worker's Hangfire server on PostgreSQL: it runs what any client enqueues on the same storage, a deleted job's
/// token is cancelled promptly, its schema lives in tradingdb, and /health reports the storage.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class JobServerTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private WorkerFactory CreateWorker() =>
        new(infrastructure, services => services.AddScoped<IProbeJob, ProbeJob>());

    [Fact]
    public async Task A_job_enqueued_through_a_client_on_the_same_storage_runs_on_the_worker()
    {
        await using var worker = CreateWorker();
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);
        var marker = Guid.NewGuid().ToString("N");

        var jobId = client.Jobs.Enqueue<IProbeJob>(job => job.RunAsync(marker, CancellationToken.None));

        await ProbeJobs.For(marker).Ran.WaitAsync(Timeout);
        var state = await Poll.UntilAsync(() => Task.FromResult(StateOf(client.Storage, jobId)), s => s == SucceededState.StateName, Timeout, "the job to succeed");
        Assert.Equal(SucceededState.StateName, state);
    }

    [Fact]
    public async Task Deleting_a_running_job_cancels_its_token_within_a_second()
    {
        await using var worker = CreateWorker();
        _ = worker.Services;
        await using var client = await JobClient.StartAsync(infrastructure);
        var marker = Guid.NewGuid().ToString("N");
        var probe = ProbeJobs.For(marker);
        var jobId = client.Jobs.Enqueue<IProbeJob>(job => job.WaitForCancellationAsync(marker, CancellationToken.None));
        try
        {
            await probe.Started.WaitAsync(Timeout);
            Assert.Equal(ProcessingState.StateName, StateOf(client.Storage, jobId));

            Assert.True(client.Jobs.Delete(jobId));
            var deletedAt = Stopwatch.GetTimestamp();

            var cancelledAt = await probe.CancelledAt.WaitAsync(Timeout);
            var elapsed = Stopwatch.GetElapsedTime(deletedAt, cancelledAt);
            output.WriteLine($"The token was cancelled {elapsed.TotalMilliseconds:0} ms after the delete.");
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"The token was cancelled {elapsed.TotalMilliseconds:0} ms after the delete.");
            Assert.Equal(DeletedState.StateName, StateOf(client.Storage, jobId));
        }
        finally
        {
            client.Jobs.Delete(jobId);
        }
    }

    [Fact]
    public async Task The_hangfire_schema_is_created_in_tradingdb_at_start()
    {
        await using var worker = CreateWorker();
        _ = worker.Services;

        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using var database = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("tradingdb", await database.ExecuteScalarAsync());
        await using var tables = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'hangfire' ORDER BY table_name", connection);
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Contains("job", names);
        Assert.Contains("jobqueue", names);
        Assert.Contains("server", names);
        Assert.Contains("schema", names);
        await using var version = new NpgsqlCommand("SELECT max(version) FROM hangfire.schema", connection);
        Assert.True(Convert.ToInt32(await version.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task The_worker_serves_its_queues_as_one_server_named_after_the_machine()
    {
        await using var worker = CreateWorker();
        var storage = worker.Services.GetRequiredService<JobStorage>();

        var server = await Poll.UntilAsync(
            () => Task.FromResult(storage.GetMonitoringApi().Servers().FirstOrDefault(s => s.Queues.SequenceEqual(JobQueues.Worker) && s.Name.StartsWith(
                $"{Environment.MachineName}:{Environment.ProcessId}:".ToLowerInvariant(), StringComparison.Ordinal))),
            s => s is not null, Timeout, "the Worker's server to announce itself");

        Assert.DoesNotContain(JobQueues.Training, server!.Queues);
    }

    [Fact]
    public async Task Health_reports_the_hangfire_storage_ready()
    {
        await using var worker = CreateWorker();
        using var client = worker.CreateClient();

        var (_, report) = await client.GetReportAsync("/health");

        var check = report.Check(HangfireStorageExtensions.HealthCheckName);
        Assert.Equal("Healthy", check.Status);
        Assert.Equal(["ready"], check.Tags);
        Assert.Contains("recurring job", check.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_tradingdb_down_the_hangfire_check_fails_with_the_reason_and_the_worker_still_starts()
    {
        await using var worker = new WorkerFactory(infrastructure, overrides: ("ConnectionStrings:tradingdb", ClosedPort.ConnectionStringFor("tradingdb")));
        using var client = worker.CreateClient();

        var (status, report) = await client.GetReportAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var check = report.Check(HangfireStorageExtensions.HealthCheckName);
        Assert.Equal("Unhealthy", check.Status);
        Assert.Contains("refused", check.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetTextAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task The_worker_runs_exactly_one_hangfire_server()
    {
        await using var worker = CreateWorker();

        var servers = worker.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "BackgroundJobServerHostedService");

        Assert.Single(servers);
    }

    private static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetJobData(jobId)?.State;
    }
}
