using System.Globalization;

namespace TradingPlatform.Bench.Startup;

/// <summary>Which of some TCP ports something listens on (IPv4 or IPv6, any address), from /proc/net/tcp and tcp6.</summary>
internal static class Listeners
{
    private const string Listen = "0A";

    public static IReadOnlyList<int> Busy(IEnumerable<int> ports)
    {
        var wanted = ports.ToHashSet();
        var busy = new SortedSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            // "  sl  local_address rem_address   st …": local_address is HEXADDR:HEXPORT, st 0A is LISTEN.
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[3] == Listen
                    && int.TryParse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port)
                    && wanted.Contains(port))
                {
                    busy.Add(port);
                }
            }
        }

        return [.. busy];
    }
}
