using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Jobs;
using TradingPlatform.Jobs.Analysis;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests.Analysis;

/// <summary>
/// <c>POST /api/ai/config-analysis/trigger</c>: the Api enqueues the analysis as a Hangfire job on the analysis queue (no
/// Worker runs here, so the job stays queued), at most one pending per user, and only traders and admins may ask.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class ConfigAnalysisApiTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string Trigger = "/api/ai/config-analysis/trigger";
    private ApiFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await ApiFactory.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private JobStorage Storage => _factory.Services.GetRequiredService<JobStorage>();

    [Fact]
    public async Task A_trader_gets_202_with_a_job_that_waits_in_the_analysis_queue_of_hangfire_storage()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync("trader");
        using (client)
        {
            using var response = await client.PostAsync(new Uri(Trigger, UriKind.Relative), null);

            var data = await response.ReadDataAsync(HttpStatusCode.Accepted);
            var jobId = data.GetProperty("jobId").GetString()!;
            Assert.Equal("queued", data.GetProperty("status").GetString());
            Assert.Equal($"/api/ai/config-analysis/jobs/{jobId}", response.Headers.Location?.OriginalString);
            var body = await response.ReadJsonAsync();
            Assert.True(body.GetProperty("success").GetBoolean());
            Assert.Equal(JsonValueKind.String, body.GetProperty("timestamp").ValueKind);

            using var connection = Storage.GetConnection();
            var job = connection.GetJobData(jobId);
            Assert.NotNull(job);
            Assert.Equal(EnqueuedState.StateName, job.State);
            Assert.Equal(typeof(IConfigAnalysisJob), job.Job.Type);
            Assert.Equal(nameof(IConfigAnalysisJob.RunAsync), job.Job.Method.Name);
            Assert.Equal(user.Id, job.Job.Args[0]);
            Assert.Equal([JobQueues.Analysis], await QueuesOfAsync(jobId));
        }
    }

    [Fact]
    public async Task A_second_trigger_while_the_first_is_pending_answers_the_same_job_and_enqueues_nothing()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync("trader");
        using (client)
        {
            var first = await TriggerAsync(client);
            var second = await TriggerAsync(client);
            var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TriggerAsync(client)));

            Assert.Equal(first, second);
            Assert.All(concurrent, id => Assert.Equal(first, id));
        }
    }

    [Fact]
    public async Task Two_users_get_two_jobs_and_a_finished_job_makes_room_for_a_new_one()
    {
        var (_, alice) = await _factory.CreateUserWithClientAsync("trader");
        var (_, bob) = await _factory.CreateUserWithClientAsync("admin");
        using (alice)
        using (bob)
        {
            var alicesJob = await TriggerAsync(alice);
            var bobsJob = await TriggerAsync(bob);
            Assert.NotEqual(alicesJob, bobsJob);

            // Deleted from the dashboard, say: no longer pending, so the next trigger queues a fresh analysis.
            Assert.True(_factory.Services.GetRequiredService<IBackgroundJobClient>().Delete(alicesJob));
            var next = await TriggerAsync(alice);

            Assert.NotEqual(alicesJob, next);
            using var deleted = await alice.GetAsync(new Uri($"/api/ai/config-analysis/jobs/{alicesJob}", UriKind.Relative));
            Assert.Equal("cancelled", (await deleted.ReadDataAsync()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_location_shows_the_callers_job_and_hides_it_from_anyone_else()
    {
        var (_, owner) = await _factory.CreateUserWithClientAsync("trader");
        var (_, other) = await _factory.CreateUserWithClientAsync("trader");
        using (owner)
        using (other)
        {
            var jobId = await TriggerAsync(owner);

            using var mine = await owner.GetAsync(new Uri($"/api/ai/config-analysis/jobs/{jobId}", UriKind.Relative));
            using var theirs = await other.GetAsync(new Uri($"/api/ai/config-analysis/jobs/{jobId}", UriKind.Relative));
            using var unknown = await owner.GetAsync(new Uri("/api/ai/config-analysis/jobs/999999999", UriKind.Relative));

            var data = await mine.ReadDataAsync();
            Assert.Equal(jobId, data.GetProperty("jobId").GetString());
            Assert.Equal("queued", data.GetProperty("status").GetString());
            await ApiJson.AssertErrorEnvelopeAsync(theirs, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
            await ApiJson.AssertErrorEnvelopeAsync(unknown, HttpStatusCode.NotFound, "NOT_FOUND_ERROR");
        }
    }

    [Fact]
    public async Task A_viewer_is_403_and_enqueues_nothing()
    {
        var (user, client) = await _factory.CreateUserWithClientAsync("viewer");
        // Creating the storage installs the hangfire schema, which the count below reads.
        _ = Storage;
        using (client)
        {
            using var response = await client.PostAsync(new Uri(Trigger, UriKind.Relative), null);

            await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Forbidden, "AUTHORIZATION_ERROR");
            Assert.Equal(0, await JobsOfUserAsync(user.Id));
        }
    }

    [Fact]
    public async Task Anonymous_is_401()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(new Uri(Trigger, UriKind.Relative), null);

        await ApiJson.AssertErrorEnvelopeAsync(response, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR");
    }

    [Fact]
    public void The_api_is_a_hangfire_client_and_runs_no_hangfire_server()
    {
        Assert.NotNull(_factory.Services.GetService<IBackgroundJobClient>());
        Assert.NotNull(_factory.Services.GetService<IRecurringJobManager>());
        Assert.DoesNotContain(_factory.Services.GetServices<IHostedService>(), service => service.GetType().Namespace?.StartsWith("Hangfire", StringComparison.Ordinal) == true);
    }

    private static async Task<string> TriggerAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri(Trigger, UriKind.Relative), null);
        return (await response.ReadDataAsync(HttpStatusCode.Accepted)).GetProperty("jobId").GetString()!;
    }

    private async Task<List<string>> QueuesOfAsync(string jobId)
    {
        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT queue FROM hangfire.jobqueue WHERE jobid = @id", connection);
        command.Parameters.AddWithValue("id", long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture));
        var queues = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            queues.Add(reader.GetString(0));
        }

        return queues;
    }

    /// <summary>Hangfire jobs whose first argument is <paramref name="userId"/> (arguments are stored as JSON strings).</summary>
    private async Task<long> JobsOfUserAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE @user", connection);
        command.Parameters.AddWithValue("user", $"%{userId}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
