using System.Diagnostics;

namespace TradingPlatform.Bench.Common;

/// <summary>N clients, each sending its next request as soon as the previous one answered, for a fixed time.</summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, int clients, TimeSpan duration, Func<int, Task<bool>> request)
    {
        // Warm-up: JIT, connection pools, the database's caches.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(request));

        var latencies = new List<double>[clients];
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = [];
            while (total.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await request(client);
                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return LoadResult.From(name, latencies.SelectMany(l => l).ToList(), failures, total.Elapsed);
    }
}
