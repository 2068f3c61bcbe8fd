// 1,000 WebSocket clients subscribed to 5 symbols' price updates while the feed publishes 10 ticks per second per
// symbol. The Api runs in this process on Kestrel (real sockets) against real PostgreSQL, Redis and RabbitMQ servers
// (tests' InfrastructureFixture); its simulated feed is off and this benchmark is the feed, publishing into the Api's
// QuoteBook exactly as the feed service does. The clients run in a second process (this executable again, in client
// mode), as real clients are. One run prints, each beside its target: the delivered fraction, the server's own send
// latency (the Api's realtime.send.duration histogram: a tick's receipt on the replica to its socket write completing)
// and the tick-to-client latency (the feed's tick timestamp to the client's read, both on this machine's clock).
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.Realtime
//        [-- --clients 1000 --symbols 5 --rate 10 --seconds 15 --warmup 3 --drain 5 --redis-samples 2000]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market;
using TradingPlatform.Bench.Common;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Bench.Realtime;

/// <summary>The entry point (a class, not top-level statements: the Api's own Program is referenced).</summary>
internal static class RealtimeBench
{
    private const double P99TargetMs = 10;

    private static readonly (string Symbol, decimal Price, decimal Step)[] Instruments =
    [
        ("BTC-USD", 50_000m, 0.01m), ("ETH-USD", 3_000m, 0.01m), ("EURUSD", 1.08m, 0.00001m),
        ("GBPUSD", 1.27m, 0.00001m), ("XAU-USD", 2_000m, 0.01m), ("BTC-FUT", 50_100m, 0.5m),
        ("SPX-FUT", 5_000m, 0.25m), ("AAPL", 190m, 0.01m),
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains(ClientProcess.Mode))
        {
            return await ClientProcess.RunAsync(
                new Uri(Text("--server", "")), Option("--clients", 1000), Text("--symbol-list", "").Split(','));
        }

        var clientCount = Option("--clients", 1000);
        var symbolCount = Math.Clamp(Option("--symbols", 5), 1, Instruments.Length);
        var rate = Option("--rate", 10);
        var seconds = Option("--seconds", 15);
        var warmup = Option("--warmup", 3);
        var drain = Option("--drain", 5);
        var redisSamples = Option("--redis-samples", 2000);
        var inv = CultureInfo.InvariantCulture;
        var symbols = Instruments.Take(symbolCount).ToArray();

        var infrastructure = new InfrastructureFixture();
        await infrastructure.InitializeAsync();
        Console.Error.WriteLine("bench: servers started");
        try
        {
            var settings = BenchApiSettings.For(infrastructure.Configuration, $"http://127.0.0.1:{ClosedPort.Next()}");
            await using var factory = new BenchApiFactory<Program>(settings);
            factory.StartServer();
            using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await factory.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(startup.Token);
            var quotes = factory.Services.GetRequiredService<QuoteBook>();
            using var meters = new ServerMeters(factory.Services);
            using var http = new HttpClient { BaseAddress = factory.Address };
            var (token, _) = await BenchTraders.CreateAsync(http, startup.Token);
            Console.Error.WriteLine("bench: api ready, starting the client process");

            var names = symbols.Select(s => s.Symbol).ToArray();
            await using var fleet = await ClientFleet.StartAsync(factory.Address, token, clientCount, names, startup.Token);
            Console.Error.WriteLine($"bench: {clientCount} clients subscribed to {names.Length} symbols in process {fleet.ProcessId}");

            // The feed: every 1/rate s one tick per symbol, all stamped with the moment they are published.
            using var stopFeed = new CancellationTokenSource();
            var stamps = new List<DateTimeOffset>();
            var feed = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
                var step = 0;
                while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stopFeed.IsCancellationRequested)
                {
                    step++;
                    var now = DateTimeOffset.UtcNow;
                    var batch = new List<Quote>(symbols.Length);
                    foreach (var (symbol, price, increment) in symbols)
                    {
                        var bid = price + (step % 10_000) * increment;
                        batch.Add(new Quote(symbol, bid, bid + increment, bid, 1_000m, 1_000m, 0m, now));
                    }

                    lock (stamps)
                    {
                        stamps.Add(now);
                    }

                    await quotes.PublishAsync(batch, CancellationToken.None);
                }
            }, CancellationToken.None);

            await Task.Delay(TimeSpan.FromSeconds(warmup));
            var from = DateTimeOffset.UtcNow;
            var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clientCpu = fleet.CpuTime;
            var load = LoadAverage();
            meters.Measuring = true;
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var to = DateTimeOffset.UtcNow;
            serverCpu = Process.GetCurrentProcess().TotalProcessorTime - serverCpu;
            clientCpu = fleet.CpuTime - clientCpu;
            await stopFeed.CancelAsync();
            await feed;
            // Ticks of the window still on their way get the drain time to arrive; later ones count as not delivered.
            await Task.Delay(TimeSpan.FromSeconds(drain));
            meters.Measuring = false;
            long batches;
            lock (stamps)
            {
                batches = stamps.Count(s => s >= from && s < to);
            }

            var clients = await fleet.ReportAsync(from, to, batches * symbols.Length, startup.Token);
            var window = to - from;
            var redis = LoadResult.From("redis pub/sub round trip", await RedisRoundTrip.MeasureAsync(infrastructure.Cache, redisSamples), 0, window);

            var delivered = clients.Expected == 0 ? 0 : 100.0 * clients.Received / clients.Expected;
            var allDelivered = clients.Received == clients.Expected && clients.FailedClients == 0;
            var sendP99 = meters.SendLatency.Percentile(0.99);
            var ok = allDelivered && sendP99 < P99TargetMs && clients.P99Ms < P99TargetMs;
            Console.WriteLine(string.Create(inv, $"realtime bench: {Environment.ProcessorCount} cores, {clients.Clients} clients x {names.Length} symbols "
                + $"({string.Join(", ", names)}), {rate} ticks/s per symbol, {window.TotalSeconds:F1} s measured after {warmup} s warm-up "
                + $"(+{drain} s drain); Api in this process on Kestrel, clients in process {fleet.ProcessId} on the same cores; load average {load}"));
            Console.WriteLine(string.Create(inv, $"delivered: {delivered:F1}% ({clients.Received} of {clients.Expected} tick x subscriber pairs, "
                + $"{clients.Received / window.TotalSeconds:F0} price updates/s; {clients.CompleteClients} of {clients.Clients} clients got every tick) "
                + $"[target: all, to clients that keep up: {(allDelivered ? "met" : "MISSED")}]; server conflated {meters.Conflated}, dropped {meters.Dropped}, "
                + $"closed {meters.SlowConsumerCloses} slow consumers; {clients.FailedClients} clients failed{(clients.FirstFailure is null ? "" : $" (first: {clients.FirstFailure})")}"));
            Console.WriteLine(string.Create(inv, $"server send latency (tick received from Redis -> socket write completed, realtime.send.duration): "
                + $"{meters.SendLatency.Summary()} [target p99 < {P99TargetMs} ms: {(sendP99 < P99TargetMs ? "met" : "MISSED")}]"));
            Console.WriteLine(string.Create(inv, $"tick-to-client latency (feed publish -> client read, same clock): p50 {clients.P50Ms:F2} ms, p99 {clients.P99Ms:F2} ms, "
                + $"max {clients.MaxMs:F2} ms ({clients.Samples} samples) [target p99 < {P99TargetMs} ms: {(clients.P99Ms < P99TargetMs ? "met" : "MISSED")}]"));
            Console.WriteLine(string.Create(inv, $"cpu in the window: Api process {serverCpu.TotalSeconds / window.TotalSeconds:F2} cores, "
                + $"client process {clientCpu.TotalSeconds / window.TotalSeconds:F2} cores, of {Environment.ProcessorCount}"));
            Console.WriteLine(string.Create(inv, $"raw redis pub/sub round trip: p50 {redis.P50Ms:F3} ms, p99 {redis.P99Ms:F3} ms ({redis.Requests} sequential round trips)"));
            return ok ? 0 : 1;
        }
        finally
        {
            await infrastructure.DisposeAsync();
        }

        int Option(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        string Text(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
