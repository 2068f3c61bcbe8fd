using System.Diagnostics;

namespace TradingPlatform.AppHost.ProcessTests;

internal static class StackAssertions
{
    /// <summary>The identification finds every part of a running stack (else "nothing left" would prove nothing).</summary>
    public static void EveryPartIsFound(AppHostProcess host)
    {
        var processes = host.Processes();
        var missing = StackProcesses.ExpectedKinds.Where(kind => processes.All(p => p.Kind != kind)).ToList();
        Assert.True(missing.Count == 0,
            $"Not found among the run's processes: {string.Join(", ", missing)}. Found:\n{string.Join('\n', processes)}");
    }

    /// <summary>Polls until no process of the run is left, or fails <paramref name="within"/> after <paramref name="since"/>, naming what is left.</summary>
    public static async Task<TimeSpan> NothingIsLeftAsync(AppHostProcess host, Stopwatch since, TimeSpan within, string after)
    {
        IReadOnlyList<StackProcess> left;
        while ((left = host.Processes()).Count > 0)
        {
            Assert.True(since.Elapsed < within,
                $"{within.TotalSeconds:0} s after {after}, still running:\n{string.Join('\n', left)}\nThe AppHost's output (last 60 lines):\n{Tail(host.Output, 60)}");
            await Task.Delay(100, CancellationToken.None);
        }

        return since.Elapsed;
    }

    public static string Tail(string output, int lines) => string.Join('\n', output.Split('\n').TakeLast(lines));
}
