using System.Diagnostics;

namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// This service's own request counts, error rate and latency percentiles (over the most recent requests), which the
/// Api's component metrics report for every service. Cheap enough for every request: two counters and a ring buffer.
/// </summary>
public sealed class RequestStatistics(TimeProvider timeProvider)
{
    private const int Window = 2048;
    private readonly double[] _latencies = new double[Window];
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _since = timeProvider.GetUtcNow();
    private long _requests;
    private long _clientErrors;
    private long _serverErrors;
    private int _next;
    private int _filled;

    public void Record(int statusCode, TimeSpan duration)
    {
        lock (_gate)
        {
            _requests++;
            if (statusCode >= 500)
            {
                _serverErrors++;
            }
            else if (statusCode >= 400)
            {
                _clientErrors++;
            }

            _latencies[_next] = duration.TotalMilliseconds;
            _next = (_next + 1) % Window;
            _filled = Math.Min(_filled + 1, Window);
        }
    }

    public RequestMetricsSnapshot Snapshot()
    {
        double[] sorted;
        long requests, clientErrors, serverErrors;
        lock (_gate)
        {
            sorted = _latencies[.._filled];
            requests = _requests;
            clientErrors = _clientErrors;
            serverErrors = _serverErrors;
        }

        Array.Sort(sorted);
        return new RequestMetricsSnapshot(
            requests, clientErrors, serverErrors,
            requests == 0 ? 0 : (double)serverErrors / requests,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Length, _since);
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 3);
    }

    internal static TimeSpan Elapsed(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp);
}
