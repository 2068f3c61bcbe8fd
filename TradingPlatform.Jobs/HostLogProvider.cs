using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace TradingPlatform.Jobs;

/// <summary>
/// Hangfire's logging goes to the host's loggers, as its own <see cref="AspNetCoreLogProvider"/> does, but tolerates a
/// host that has been disposed. Hangfire keeps its log provider in static state, so in a process that runs several
/// hosts one after another (the tests) a component created for the next host can still ask the previous host's
/// disposed logger factory for a logger and fail its start with ObjectDisposedException; here that logger is a
/// silent one instead. A process with one host (every deployment) never meets the case.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new TolerantLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return TolerantLog.Silent;
        }
    }

    private sealed class TolerantLog(ILog? inner) : ILog
    {
        public static readonly TolerantLog Silent = new(null);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (inner is null)
            {
                return false;
            }

            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
