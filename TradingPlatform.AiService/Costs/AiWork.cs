using System.Diagnostics;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// The work one metered call did, as the inference code reports it: the time its ONNX sessions ran (the device
/// seconds, rather than the request's wall time with its parsing, database reads and queueing) and the tokens it fed a
/// text model. The metering filter opens a tally per call; the tally flows with the call's execution context (into
/// <c>Task.Run</c> too), and code that runs outside a metered call adds to nothing.
/// </summary>
public static class AiWork
{
    private static readonly AsyncLocal<Tally?> Current = new();

    /// <summary>Opens the tally of the call that runs on this execution context from here on.</summary>
    public static Tally Begin() => Current.Value = new Tally();

    /// <summary>Adds the time since <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>) as device time.</summary>
    public static void DeviceSince(long startedTimestamp) => Current.Value?.AddDevice(Stopwatch.GetElapsedTime(startedTimestamp));

    /// <summary>Adds <paramref name="count"/> tokens fed to a model.</summary>
    public static void Tokens(long count) => Current.Value?.AddTokens(count);

    public sealed class Tally
    {
        private long _deviceTicks;
        private long _tokens;

        public TimeSpan Device => TimeSpan.FromTicks(Interlocked.Read(ref _deviceTicks));

        public long TokenCount => Interlocked.Read(ref _tokens);

        internal void AddDevice(TimeSpan elapsed) => Interlocked.Add(ref _deviceTicks, elapsed.Ticks);

        internal void AddTokens(long count) => Interlocked.Add(ref _tokens, count);
    }
}
