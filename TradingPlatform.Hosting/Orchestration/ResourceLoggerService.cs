using System.Collections.Concurrent;

namespace TradingPlatform.Hosting.Orchestration;

/// <summary>
/// Console output of every resource, kept in a bounded buffer per resource (for tests and the dashboard) and, when
/// running as the AppHost, echoed to its console prefixed with the resource's name.
/// </summary>
public sealed class ResourceLoggerService(bool echoToConsole, int linesPerResource = 2000)
{
    private static readonly Lock ConsoleGate = new();
    private readonly ConcurrentDictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);

    public void Write(string resourceName, string line, bool isError = false)
    {
        _logs.GetOrAdd(resourceName, _ => new ResourceLog(linesPerResource)).Append(new ConsoleLine(DateTimeOffset.UtcNow, isError, line));
        if (!echoToConsole)
        {
            return;
        }

        lock (ConsoleGate)
        {
            var writer = isError ? Console.Error : Console.Out;
            writer.WriteLine($"[{resourceName}] {line}");
        }
    }

    /// <summary>The retained lines of one resource, oldest first.</summary>
    public IReadOnlyList<string> GetLines(string resourceName) => [.. GetEntries(resourceName).Select(l => l.Text)];

    /// <summary>The retained lines of one resource with when they were written and whether on stderr, oldest first.</summary>
    public IReadOnlyList<ConsoleLine> GetEntries(string resourceName) =>
        _logs.TryGetValue(resourceName, out var log) ? log.Snapshot() : [];

    /// <summary>The resources that have written anything.</summary>
    public IReadOnlyList<string> ResourceNames => [.. _logs.Keys.Order(StringComparer.Ordinal)];

    private sealed class ResourceLog(int capacity)
    {
        private readonly Queue<ConsoleLine> _lines = new();
        private readonly Lock _gate = new();

        public void Append(ConsoleLine line)
        {
            lock (_gate)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line);
            }
        }

        public IReadOnlyList<ConsoleLine> Snapshot()
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }
}
