// 1,000 WebSocket clients subscribed to 5 symbols' price updates while the feed publishes 10 ticks per second per
// symbol: delivered price updates per second and tick-to-client latency p50/p99 (target p99 < 10 ms, seed 001), and the
// same run's raw Redis pub/sub round trip for the ratio. The Api runs in this process on Kestrel (real sockets) against
// real PostgreSQL, Redis and RabbitMQ servers (tests' InfrastructureFixture); its simulated feed is off and this
// benchmark is the feed, publishing into the Api's QuoteBook exactly as the feed service does.
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.Realtime
//        [-- --clients 1000 --symbols 5 --rate 10 --seconds 15 --warmup 3 --redis-samples 2000]
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
    private static readonly (string Symbol, decimal Price, decimal Step)[] Instruments =
    [
        ("BTC-USD", 50_000m, 0.01m), ("ETH-USD", 3_000m, 0.01m), ("EURUSD", 1.08m, 0.00001m),
        ("GBPUSD", 1.27m, 0.00001m), ("XAU-USD", 2_000m, 0.01m), ("BTC-FUT", 50_100m, 0.5m),
        ("SPX-FUT", 5_000m, 0.25m), ("AAPL", 190m, 0.01m),
    ];

    public static async Task<int> Main(string[] args)
    {
        var clientCount = Option("--clients", 1000);
        var symbolCount = Math.Clamp(Option("--symbols", 5), 1, Instruments.Length);
        var rate = Option("--rate", 10);
        var seconds = Option("--seconds", 15);
        var warmup = Option("--warmup", 3);
        var redisSamples = Option("--redis-samples", 2000);
        const double P99TargetMs = 10;
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
            using var http = new HttpClient { BaseAddress = factory.Address };
            var (token, _) = await BenchTraders.CreateAsync(http, startup.Token);
            Console.Error.WriteLine("bench: api ready, connecting clients");

            var ledger = new TickLedger();
            var clients = new List<PriceClient>(clientCount);
            var names = symbols.Select(s => s.Symbol).ToArray();
            // Connected in batches so that the server's accept loop, not the benchmark, sets the pace.
            foreach (var batch in Enumerable.Range(0, clientCount).Chunk(50))
            {
                var connecting = batch.Select(_ => new PriceClient(ledger)).ToArray();
                clients.AddRange(connecting);
                await Task.WhenAll(connecting.Select(c => c.ConnectAsync(factory.Address, token, names, startup.Token)));
            }

            Console.Error.WriteLine($"bench: {clients.Count} clients subscribed to {names.Length} symbols");

            // The feed: every 1/rate s one tick per symbol, each with a bid no earlier tick of that symbol had.
            using var stopFeed = new CancellationTokenSource();
            long ticks = 0;
            var feed = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
                var step = 0;
                while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stopFeed.IsCancellationRequested)
                {
                    step++;
                    var batch = new List<Quote>(symbols.Length);
                    foreach (var (symbol, price, increment) in symbols)
                    {
                        var bid = price + (step % 10_000) * increment;
                        var ask = bid + increment;
                        ledger.Record(symbol, bid);
                        batch.Add(new Quote(symbol, bid, ask, bid, 1_000m, 1_000m, 0m, DateTimeOffset.UtcNow));
                    }

                    await quotes.PublishAsync(batch, CancellationToken.None);
                    Interlocked.Add(ref ticks, batch.Count);
                }
            }, CancellationToken.None);

            await Task.Delay(TimeSpan.FromSeconds(warmup));
            var ticksBefore = Interlocked.Read(ref ticks);
            var measured = Stopwatch.StartNew();
            PriceClient.Measuring = true;
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            PriceClient.Measuring = false;
            measured.Stop();
            var ticksMeasured = Interlocked.Read(ref ticks) - ticksBefore;
            await stopFeed.CancelAsync();
            await feed;

            var redis = LoadResult.From("redis pub/sub round trip", await RedisRoundTrip.MeasureAsync(infrastructure.Cache, redisSamples), 0, measured.Elapsed);
            var latencies = clients.SelectMany(c => c.LatenciesMs).ToList();
            var received = clients.Sum(c => c.Received);
            var unmatched = clients.Sum(c => c.Unmatched);
            var failed = clients.Count(c => c.Failure is not null);
            var firstFailure = clients.Select(c => c.Failure).FirstOrDefault(f => f is not null);
            var ws = LoadResult.From("tick to client", latencies, 0, measured.Elapsed);
            var offered = ticksMeasured * clients.Count;
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            var ok = ws.P99Ms < P99TargetMs && failed == 0;
            Console.WriteLine(string.Create(inv, $"realtime bench: {Environment.ProcessorCount} cores, {clients.Count} clients x {names.Length} symbols "
                + $"({string.Join(", ", names)}), {rate} ticks/s per symbol, {seconds} s measured after {warmup} s warm-up; "
                + $"Api in process on Kestrel, clients on the same cores"));
            Console.WriteLine(string.Create(inv, $"delivered: {received / measured.Elapsed.TotalSeconds:F0} price updates/s ({received} received of {offered} "
                + $"tick x subscriber pairs offered, {(offered == 0 ? 0 : 100.0 * received / offered):F1}%; fewer means conflation for slow clients), "
                + $"{unmatched} unmatched, {failed} clients failed{(firstFailure is null ? "" : $" (first: {firstFailure})")}"));
            Console.WriteLine(string.Create(inv, $"tick-to-client latency: p50 {ws.P50Ms:F2} ms, p99 {ws.P99Ms:F2} ms [target p99 < {P99TargetMs} ms: {(ok ? "met" : "MISSED")}]"));
            Console.WriteLine(string.Create(inv, $"raw redis pub/sub round trip: p50 {redis.P50Ms:F3} ms, p99 {redis.P99Ms:F3} ms ({redis.Requests} sequential round trips)"));
            Console.WriteLine(string.Create(inv, $"ratio websocket p99 / redis p99: {ws.P99Ms / redis.P99Ms:F1}"));
            return ok ? 0 : 1;
        }
        finally
        {
            await infrastructure.DisposeAsync();
        }

        int Option(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
