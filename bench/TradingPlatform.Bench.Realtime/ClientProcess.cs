using System.Globalization;
using System.Text.Json;

namespace TradingPlatform.Bench.Realtime;

/// <summary>
/// The benchmark's client mode: a process of its own (as real clients are) that opens the WebSocket clients and answers
/// the server process over its standard streams. It prints <c>ready</c> once every client is subscribed; to
/// <c>report {fromTicks} {toTicks} {expectedPerClient}</c> it answers <c>report {json}</c> for the ticks stamped in
/// that window; <c>quit</c> (or the end of its input) closes the clients and ends it. Nothing else goes to its output.
/// </summary>
internal static class ClientProcess
{
    public const string Mode = "--client-mode";
    public const string TokenVariable = "REALTIME_BENCH_TOKEN";

    public static async Task<int> RunAsync(Uri server, int clientCount, IReadOnlyList<string> symbols)
    {
        var token = Environment.GetEnvironmentVariable(TokenVariable) ?? throw new InvalidOperationException($"{TokenVariable} is not set.");
        var clients = new List<PriceClient>(clientCount);
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // Connected in batches so that the server's accept loop, not the benchmark, sets the pace.
        foreach (var batch in Enumerable.Range(0, clientCount).Chunk(50))
        {
            var connecting = batch.Select(_ => new PriceClient()).ToArray();
            clients.AddRange(connecting);
            await Task.WhenAll(connecting.Select(c => c.ConnectAsync(server, token, symbols, startup.Token)));
        }

        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        try
        {
            while (await Console.In.ReadLineAsync() is { } line && line != "quit")
            {
                var parts = line.Split(' ');
                if (parts is not ["report", var from, var to, var expected])
                {
                    continue;
                }

                var report = Report(
                    clients,
                    new DateTimeOffset(long.Parse(from, CultureInfo.InvariantCulture), TimeSpan.Zero),
                    new DateTimeOffset(long.Parse(to, CultureInfo.InvariantCulture), TimeSpan.Zero),
                    long.Parse(expected, CultureInfo.InvariantCulture));
                Console.Out.WriteLine("report " + JsonSerializer.Serialize(report));
                Console.Out.Flush();
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }

        return 0;
    }

    private static ClientReport Report(List<PriceClient> clients, DateTimeOffset from, DateTimeOffset to, long expectedPerClient)
    {
        var latencies = new LatencyHistogram();
        long received = 0;
        var complete = 0;
        foreach (var client in clients)
        {
            var count = client.CountWindow(from, to, latencies);
            received += count;
            complete += count == expectedPerClient ? 1 : 0;
        }

        var failures = clients.Where(c => c.Failure is not null).ToList();
        return new ClientReport(
            clients.Count,
            received,
            expectedPerClient * clients.Count,
            complete,
            failures.Count,
            failures.FirstOrDefault()?.Failure,
            latencies.Percentile(0.50),
            latencies.Percentile(0.99),
            latencies.Percentile(1),
            latencies.Count);
    }
}
