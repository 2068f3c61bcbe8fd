using System.Collections.Concurrent;

namespace TradingPlatform.Worker.Tests.Support;

/// <summary>What the test-only <see cref="ProbeJob"/> reports, per marker (each test uses a fresh one).</summary>
public static class ProbeJobs
{
    private static readonly ConcurrentDictionary<string, ProbeSignals> Probes = new(StringComparer.Ordinal);

    public static ProbeSignals For(string marker) => Probes.GetOrAdd(marker, _ => new ProbeSignals());
}
