// Authenticated market orders end to end over HTTP at 32 concurrent clients (each its own user and account), the raw
// PostgreSQL single-row insert rate from 32 connections for comparison, p99 of the candles and portfolio reads, and peak
// memory. The Api runs in this process on Kestrel (real sockets) against real PostgreSQL, Redis and RabbitMQ servers
// (tests' InfrastructureFixture); the simulated feed and history are off and quotes are published into its QuoteBook.
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.Orders
//        [-- --clients 32 --warmup-seconds 5 --seconds 20 --insert-seconds 10 --read-clients 4 --read-seconds 10]
using TradingPlatform.Bench.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Bench.Orders;

/// <summary>The entry point (a class, not top-level statements: the Api's own Program is referenced).</summary>
internal static class OrdersBench
{
    public static async Task<int> Main(string[] args)
    {
        var clients = Option("--clients", 32);
        var seconds = Option("--seconds", 20);
        var warmupSeconds = Option("--warmup-seconds", 5);
        var insertSeconds = Option("--insert-seconds", 10);
        var readClients = Option("--read-clients", 4);
        var readSeconds = Option("--read-seconds", 10);
        const double OrdersP99TargetMs = 25, OrdersPerSecondTarget = 1_000, CandlesP99TargetMs = 10, PortfolioP99TargetMs = 20, MemoryTargetMiB = 400;
        const string Symbol = "BTC-USD";
        const decimal Bid = 50_000m, Ask = 50_001m;
        var inv = CultureInfo.InvariantCulture;

        var infrastructure = new InfrastructureFixture();
        await infrastructure.InitializeAsync();
        Console.Error.WriteLine("bench: servers started");
        try
        {
            var settings = BenchApiSettings.For(infrastructure.Configuration, $"http://127.0.0.1:{ClosedPort.Next()}");
            await using var factory = new BenchApiFactory<Program>(settings);
            factory.StartServer();
            Console.Error.WriteLine("bench: api listening");
            using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await factory.Services.GetRequiredService<SchemaStatus<TradingDbContext>>().Completion.WaitAsync(startup.Token);

            Console.Error.WriteLine("bench: trading schema ready");
            var quotes = factory.Services.GetRequiredService<QuoteBook>();
            using var stopQuotes = new CancellationTokenSource();
            await PublishAsync(CancellationToken.None);
            // Keeps the quote fresh for the whole run, as the feed would (a tick every 250 ms).
            var quoteLoop = Task.Run(async () =>
            {
                while (!stopQuotes.IsCancellationRequested)
                {
                    await Task.Delay(250, CancellationToken.None);
                    await PublishAsync(CancellationToken.None);
                }
            }, CancellationToken.None);

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = factory.Address };
            var traders = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => BenchTraders.CreateAsync(http, startup.Token)));

            Console.Error.WriteLine("bench: traders created");
            // 1. Market orders, buy and sell alternating per client (so positions open and close), 32 clients.
            var sides = new int[clients];
            string? firstFailure = null;
            // A discarded warm-up run first: one order per client (LoadRunner's own warm-up) leaves the tiered JIT
            // compiling through the measured seconds (dotnet-counters showed ~3 s of JIT time per 5 s there).
            await LoadRunner.RunAsync("orders warm-up", clients, TimeSpan.FromSeconds(warmupSeconds), PlaceAsync);
            firstFailure = null;
            using var commandCounter = new DatabaseCommandCounter();
            commandCounter.Start();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var orders = await LoadRunner.RunAsync("orders", clients, TimeSpan.FromSeconds(seconds), PlaceAsync);

            async Task<bool> PlaceAsync(int client)
            {
                var (token, accountId) = traders[client];
                var side = sides[client]++ % 2 == 0 ? "buy" : "sell";
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{accountId}/orders")
                {
                    Content = JsonContent.Create(new { symbol = Symbol, type = "market", side, quantity = 0.001m }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var ok = response.StatusCode == HttpStatusCode.Created && body.Contains("\"filled\"", StringComparison.Ordinal);
                if (!ok)
                {
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {body}", null);
                }

                return ok;
            }

            commandCounter.Stop();
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            // The warm-up round (one order per client) ran inside the counted window too.
            var countedOrders = orders.Requests + clients;
            Console.Error.WriteLine("bench: orders done");
            // 2. Raw PostgreSQL: one row per INSERT statement into a temp table, 32 connections, for the ratio.
            var connectionString = new NpgsqlConnectionStringBuilder(infrastructure.TradingDb) { MaxPoolSize = clients + 8 }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var commands = new NpgsqlCommand[clients];
            for (var i = 0; i < clients; i++)
            {
                var connection = await dataSource.OpenConnectionAsync();
                await using (var create = new NpgsqlCommand("CREATE TEMP TABLE bench_rows (id bigint, symbol text, quantity numeric, at timestamptz)", connection))
                {
                    await create.ExecuteNonQueryAsync();
                }

                var insert = new NpgsqlCommand("INSERT INTO bench_rows (id, symbol, quantity, at) VALUES ($1, $2, $3, $4)", connection);
                insert.Parameters.Add(new NpgsqlParameter<long>());
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Symbol });
                insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = 0.001m });
                insert.Parameters.Add(new NpgsqlParameter<DateTime>());
                await insert.PrepareAsync();
                commands[i] = insert;
            }

            long nextId = 0;
            var inserts = await LoadRunner.RunAsync("inserts", clients, TimeSpan.FromSeconds(insertSeconds), async client =>
            {
                var insert = commands[client];
                ((NpgsqlParameter<long>)insert.Parameters[0]).TypedValue = Interlocked.Increment(ref nextId);
                ((NpgsqlParameter<DateTime>)insert.Parameters[3]).TypedValue = DateTime.UtcNow;
                return await insert.ExecuteNonQueryAsync() == 1;
            });
            foreach (var insert in commands)
            {
                var connection = insert.Connection!;
                await insert.DisposeAsync();
                await connection.DisposeAsync();
            }

            // 3. Candles: 1,000 one-minute bars straight into trading.candles where that table exists (the market branch).
            var (readToken, readAccount) = traders[0];
            string candlesLine;
            var candlesOk = true;
            var candlesSeeded = await SeedCandlesAsync(dataSource);
            using (var probe = new HttpRequestMessage(HttpMethod.Get, $"/api/market/{Symbol}/candles?timeframe=1m&limit=1000"))
            {
                probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readToken);
                using var response = await http.SendAsync(probe);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    candlesLine = "candles: endpoint not available";
                }
                else
                {
                    var candles = await ReadLoadAsync("candles", $"/api/market/{Symbol}/candles?timeframe=1m&limit=1000");
                    candlesOk = candles.P99Ms < CandlesP99TargetMs && candles.Failures == 0;
                    candlesLine = string.Create(inv,
                        $"candles p99: {candles.P99Ms:F1} ms (p50 {candles.P50Ms:F1} ms, {candles.PerSecond:F0}/s, {candles.Requests} ok, {candles.Failures} failed, "
                        + $"{readClients} clients, {(candlesSeeded ? "1,000 seeded 1m bars" : "trading.candles absent, nothing seeded")}) "
                        + $"[target < {CandlesP99TargetMs} ms: {Met(candlesOk)}]");
                }
            }

            // 4. Portfolio of an account that has just traded for the whole order phase.
            var portfolio = await ReadLoadAsync("portfolio", $"/api/accounts/{readAccount}/portfolio");
            var portfolioOk = portfolio.P99Ms < PortfolioP99TargetMs && portfolio.Failures == 0;

            await stopQuotes.CancelAsync();
            await quoteLoop;

            var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            var ordersRateOk = orders.PerSecond >= OrdersPerSecondTarget && orders.Failures == 0;
            var ordersP99Ok = orders.P99Ms < OrdersP99TargetMs;
            var memoryOk = peakMiB < MemoryTargetMiB;

            Console.WriteLine(string.Create(inv, $"orders bench: {Environment.ProcessorCount} cores, {clients} order clients for {seconds} s after a {warmupSeconds} s warm-up, "
                + $"{readClients} read clients for {readSeconds} s; Api in process on Kestrel, load generator on the same cores"));
            Console.WriteLine(string.Create(inv, $"orders throughput: {orders.PerSecond:F1} orders/s ({orders.Requests} filled, {orders.Failures} failed) "
                + $"[target >= {OrdersPerSecondTarget:F0}/s: {Met(ordersRateOk)}]"));
            Console.WriteLine(string.Create(inv, $"orders p50: {orders.P50Ms:F1} ms"));
            Console.WriteLine(string.Create(inv, $"orders p99: {orders.P99Ms:F1} ms [target < {OrdersP99TargetMs} ms: {Met(ordersP99Ok)}]"));
            if (firstFailure is not null)
            {
                Console.WriteLine($"orders first failure: {firstFailure}");
            }

            Console.WriteLine(string.Create(inv, $"orders cost: {cpuMs / countedOrders:F2} ms CPU per order in this process (Api + load generator), "
                + $"{commandCounter.PerOrder(countedOrders):F2} database commands per order (all of the Api's, background included), by kind:"));
            foreach (var line in commandCounter.Describe(countedOrders))
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(string.Create(inv, $"postgres single-row inserts: {inserts.PerSecond:F1} inserts/s ({clients} connections, {insertSeconds} s, "
                + $"p50 {inserts.P50Ms:F2} ms, p99 {inserts.P99Ms:F2} ms, {inserts.Failures} failed)"));
            Console.WriteLine(string.Create(inv, $"orders/s / inserts/s: {orders.PerSecond / inserts.PerSecond:F3}"));
            Console.WriteLine(candlesLine);
            Console.WriteLine(string.Create(inv, $"portfolio p99: {portfolio.P99Ms:F1} ms (p50 {portfolio.P50Ms:F1} ms, {portfolio.PerSecond:F0}/s, "
                + $"{portfolio.Requests} ok, {portfolio.Failures} failed, {readClients} clients, account with {orders.Requests / clients} orders) "
                + $"[target < {PortfolioP99TargetMs} ms: {Met(portfolioOk)}]"));
            Console.WriteLine(string.Create(inv, $"peak memory: {peakMiB:F0} MiB peak working set of the benchmark process (the Api runs in process, "
                + $"so this is Api + load generator + Npgsql pool; the database servers are separate processes) [target < {MemoryTargetMiB} MiB: {Met(memoryOk)}]"));
            return ordersRateOk && ordersP99Ok && candlesOk && portfolioOk && memoryOk ? 0 : 1;

            async Task PublishAsync(CancellationToken cancellationToken) =>
                await quotes.PublishAsync([new Quote(Symbol, Bid, Ask, (Bid + Ask) / 2, 1_000_000m, 1_000_000m, 0m, DateTimeOffset.UtcNow)], cancellationToken);

            async Task<LoadResult> ReadLoadAsync(string name, string path) =>
                await LoadRunner.RunAsync(name, readClients, TimeSpan.FromSeconds(readSeconds), async client =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", traders[client % traders.Length].Token);
                    if (name == "portfolio")
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readToken);
                    }

                    using var response = await http.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    return response.IsSuccessStatusCode;
                });
        }
        finally
        {
            await infrastructure.DisposeAsync();
        }

        static async Task<bool> SeedCandlesAsync(NpgsqlDataSource dataSource)
        {
            await using (var exists = dataSource.CreateCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'trading' AND table_name = 'candles'"))
            {
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    return false;
                }
            }

            // The latest 1,000 whole minutes, ending at the current one.
            await using var seed = dataSource.CreateCommand(
                """
                INSERT INTO trading.candles (symbol, interval, open_time, open, high, low, close, volume)
                SELECT $1, '1m', m, 50000 + i % 50, 50060 + i % 50, 49940 + i % 50, 50010 + i % 50, 12.5
                FROM generate_series(0, 999) AS i, LATERAL (SELECT date_trunc('minute', now()) - (999 - i) * interval '1 minute' AS m) AS t
                ON CONFLICT DO NOTHING
                """);
            seed.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "BTC-USD" });
            await seed.ExecuteNonQueryAsync();
            // A separate command: PostgreSQL refuses several statements in one with positional parameters.
            await using var analyze = dataSource.CreateCommand("ANALYZE trading.candles");
            await analyze.ExecuteNonQueryAsync();
            return true;
        }

        static string Met(bool ok) => ok ? "met" : "MISSED";

        int Option(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
