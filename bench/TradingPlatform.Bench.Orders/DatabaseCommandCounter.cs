using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace TradingPlatform.Bench.Orders;

/// <summary>
/// Counts the database commands the process sends while enabled, by kind, from Npgsql's own activities (one per
/// command or batch, i.e. one per round trip; a transaction's BEGIN rides on its first command, its COMMIT has no
/// activity). Divided by the orders placed it says what an order costs in round trips, and what the Api's background
/// work (outbox relay, consumers, tick processing) sends beside it.
/// </summary>
internal sealed class DatabaseCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, Tally> _byKind = new(StringComparer.Ordinal);
    private volatile bool _enabled;

    public DatabaseCommandCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _enabled ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Start() => _enabled = true;

    public void Stop() => _enabled = false;

    /// <summary>One line per kind: commands per order and mean time per command, most frequent first.</summary>
    public IEnumerable<string> Describe(int orders) =>
        _byKind.OrderByDescending(pair => pair.Value.Count).Select(pair => string.Create(CultureInfo.InvariantCulture,
            $"  {pair.Key}: {(double)pair.Value.Count / Math.Max(orders, 1):F2} per order ({pair.Value.Count} commands, mean {pair.Value.TotalMs / Math.Max(pair.Value.Count, 1):F2} ms)"));

    public double PerOrder(int orders) => (double)_byKind.Values.Sum(tally => tally.Count) / Math.Max(orders, 1);

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (!_enabled)
        {
            return;
        }

        _byKind.GetOrAdd(Kind(activity.GetTagItem("db.query.text") as string ?? ""), _ => new Tally()).Add(activity.Duration.TotalMilliseconds);
    }

    private static string Kind(string sql) => sql switch
    {
        _ when sql.Contains("FOR UPDATE", StringComparison.OrdinalIgnoreCase) && sql.Contains("trading.accounts", StringComparison.Ordinal)
            => "order path: BEGIN + lock the account + load its book",
        _ when sql.Contains("outbox", StringComparison.OrdinalIgnoreCase) && !sql.Contains("INSERT INTO trading.orders", StringComparison.OrdinalIgnoreCase)
            && !sql.Contains("INSERT INTO trading.fills", StringComparison.OrdinalIgnoreCase)
            => "outbox relay (background)",
        _ when sql.Contains("inbox", StringComparison.OrdinalIgnoreCase) => "consumer inbox (background)",
        _ when sql.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            => "order path: SaveChanges batch (+ COMMIT, not counted here)",
        _ when sql.Contains("identity.", StringComparison.Ordinal) => "identity (token/session checks)",
        _ => "other: " + string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], 6, StringSplitOptions.RemoveEmptyEntries).Take(5)),
    };

    private sealed class Tally
    {
        private readonly Lock _lock = new();

        public int Count { get; private set; }

        public double TotalMs { get; private set; }

        public void Add(double ms)
        {
            lock (_lock)
            {
                Count++;
                TotalMs += ms;
            }
        }
    }
}
