using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using TradingPlatform.Jobs;

namespace TradingPlatform.Worker.Tests.Jobs;

/// <summary>
/// Hangfire's static log provider outlives the host that set it: a component of the next host in the same process that
/// asks a disposed host's provider for a logger gets a silent one instead of failing its start (as the Api tests'
/// broker-outage test once did, when a Worker host started after an Api host was disposed).
/// </summary>
public sealed class HostLogProviderTests
{
    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Add(formatter(state, exception));
        }
    }

    [Fact]
    public void A_live_host_gets_Hangfire_messages_and_a_disposed_one_gives_silent_loggers_instead_of_throwing()
    {
        var capturing = new CapturingProvider();
        var live = LoggerFactory.Create(builder => builder.AddProvider(capturing).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        var provider = new HostLogProvider(live);

        Assert.True(provider.GetLogger("Hangfire.Server").Log(Hangfire.Logging.LogLevel.Warn, () => "the server is starting"));
        Assert.Contains("the server is starting", capturing.Messages);

        var earlier = provider.GetLogger("Hangfire.Processing");
        live.Dispose();

        var afterwards = provider.GetLogger("Hangfire.RecurringJobManager");
        Assert.False(afterwards.Log(Hangfire.Logging.LogLevel.Info, () => "nobody hears this"));
        earlier.Log(Hangfire.Logging.LogLevel.Info, () => "nor this");
        Assert.DoesNotContain("nobody hears this", capturing.Messages);
        Assert.Throws<ObjectDisposedException>(() => new Hangfire.AspNetCore.AspNetCoreLogProvider(live).GetLogger("Hangfire.RecurringJobManager"));
    }
}
