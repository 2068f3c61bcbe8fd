using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TradingPlatform.Hosting.Orchestration;
using TradingPlatform.Hosting.Testing;
using TradingPlatform.Testing;

namespace TradingPlatform.Hosting.Tests;

/// <summary>Start, stop and restart commands acting on real server processes.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ResourceCommandTests(InfrastructureFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stop_stops_the_process_for_good_and_start_brings_up_a_new_healthy_one()
    {
        await using var app = await StartRedisAsync("cache");
        var commands = app.Services.GetCommands();
        var first = await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
        Assert.Equal([ResourceCommands.Stop, ResourceCommands.Restart], commands.GetAvailableCommands("cache"));
        var states = RecordStates(app, "cache");

        var stopped = await commands.ExecuteAsync("cache", "STOP").WaitAsync(Timeout);

        Assert.True(stopped.Success, stopped.Message);
        var snapshot = app.ResourceNotifications.Get("cache")!;
        Assert.Equal(ResourceState.Exited, snapshot.State);
        Assert.False(snapshot.WillRestart);
        Assert.Null(snapshot.ProcessId);
        Assert.False(Directory.Exists($"/proc/{first.ProcessId}"), "the redis process must be gone");
        Assert.Equal([ResourceCommands.Start, ResourceCommands.Restart], commands.GetAvailableCommands("cache"));
        // A crash would be restarted within a second (the first back-off); a stopped resource is not.
        await Assert.ThrowsAsync<TimeoutException>(() => app.ResourceNotifications
            .WaitForResourceAsync("cache", s => s.State != ResourceState.Exited).WaitAsync(TimeSpan.FromSeconds(3)));

        var started = await commands.ExecuteAsync("cache", "start").WaitAsync(Timeout);

        Assert.True(started.Success, started.Message);
        var again = await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
        Assert.NotEqual(first.ProcessId, again.ProcessId);
        Assert.Equal(1, again.Restarts);
        await AssertRedisAnswersAsync(app);
        Assert.Equal(
            [ResourceState.Stopping, ResourceState.Exited, ResourceState.Starting, ResourceState.Running],
            states.Distinct().Take(4));
    }

    [Fact]
    public async Task Restart_replaces_the_process_with_a_healthy_one()
    {
        await using var app = await StartRedisAsync("cache");
        var first = await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
        var states = RecordStates(app, "cache");

        var result = await app.Services.GetCommands().ExecuteAsync("cache", ResourceCommands.Restart).WaitAsync(Timeout);

        Assert.True(result.Success, result.Message);
        var again = await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
        Assert.NotEqual(first.ProcessId, again.ProcessId);
        Assert.False(Directory.Exists($"/proc/{first.ProcessId}"));
        Assert.Contains(ResourceState.Exited, states);
        await AssertRedisAnswersAsync(app);
    }

    [Fact]
    public async Task Commands_that_do_not_apply_are_refused_with_the_reason()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["ConnectionStrings:external"] = fixture.Cache;
        builder.AddRedis("external");
        builder.AddPostgres("postgres").AddDatabase("tradingdb");
        builder.AddRedis("cache");
        await using var app = builder.Build();
        var commands = app.Services.GetCommands();
        Assert.Equal(ResourceCommandResultKind.InvalidState, (await commands.ExecuteAsync("cache", "stop")).Kind);
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);

        var missing = await commands.ExecuteAsync("nothing", "stop");
        var external = await commands.ExecuteAsync("external", "restart");
        var database = await commands.ExecuteAsync("tradingdb", "stop");
        var unknown = await commands.ExecuteAsync("cache", "reboot");
        var startRunning = await commands.ExecuteAsync("cache", "start");

        Assert.Equal(ResourceCommandResultKind.NotFound, missing.Kind);
        Assert.Equal(ResourceCommandResultKind.NotSupported, external.Kind);
        Assert.Contains("external", external.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ResourceCommandResultKind.NotSupported, database.Kind);
        Assert.Contains("restart postgres instead", database.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ResourceCommandResultKind.NotSupported, unknown.Kind);
        Assert.Equal(ResourceCommandResultKind.InvalidState, startRunning.Kind);
        Assert.Empty(commands.GetAvailableCommands("external"));
        Assert.Empty(commands.GetAvailableCommands("tradingdb"));

        Assert.True((await commands.ExecuteAsync("cache", "stop")).Success);
        var stopTwice = await commands.ExecuteAsync("cache", "stop");
        Assert.Equal(ResourceCommandResultKind.InvalidState, stopTwice.Kind);
        Assert.False(stopTwice.Success);
    }

    [Fact]
    public async Task Stopping_the_apphost_with_one_resource_stopped_and_one_starting_leaves_no_process()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        builder.AddRedis("sessions");
        var app = builder.Build();
        var dataPath = app.Services.GetExecutionContext().DataPath;
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache").WaitAsync(Timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("sessions").WaitAsync(Timeout);
        var commands = app.Services.GetCommands();
        Assert.True((await commands.ExecuteAsync("cache", "stop")).Success);
        Assert.True((await commands.ExecuteAsync("sessions", "stop")).Success);

        // The start races with the AppHost's stop: whichever wins, no redis may survive.
        var racing = commands.ExecuteAsync("sessions", "start");
        await app.DisposeAsync().AsTask().WaitAsync(Timeout);
        var raced = await racing.WaitAsync(Timeout);

        Assert.Empty(ProcFs.FindByCommandLine(dataPath));
        Assert.All(app.ResourceNotifications.Snapshots, s => Assert.Equal(ResourceState.Exited, s.State));
        Assert.True(raced.Success || raced.Kind == ResourceCommandResultKind.InvalidState, raced.Message);
        var late = await commands.ExecuteAsync("cache", "start");
        Assert.Equal(ResourceCommandResultKind.InvalidState, late.Kind);
    }

    private static async Task<DistributedApplication> StartRedisAsync(string name)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis(name);
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }

    /// <summary>Every state the resource goes through from now on (the watcher is registered before this returns).</summary>
    private static List<ResourceState> RecordStates(DistributedApplication app, string name)
    {
        var states = new List<ResourceState>();
        var stopped = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped;
        var watch = app.ResourceNotifications.WatchAsync(stopped).GetAsyncEnumerator(stopped);
        var first = watch.MoveNextAsync();
        _ = RecordAsync(first);
        return states;

        async Task RecordAsync(ValueTask<bool> next)
        {
            try
            {
                while (await next)
                {
                    if (watch.Current.Name == name)
                    {
                        lock (states)
                        {
                            if (states.Count == 0 || states[^1] != watch.Current.State)
                            {
                                states.Add(watch.Current.State);
                            }
                        }
                    }

                    next = watch.MoveNextAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task AssertRedisAnswersAsync(DistributedApplication app)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("cache"))!);
        Assert.True(await redis.GetDatabase().PingAsync() < TimeSpan.FromSeconds(5));
    }
}
