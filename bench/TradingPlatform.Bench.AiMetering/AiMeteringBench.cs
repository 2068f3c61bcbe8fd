// The metered sentiment endpoint end to end over HTTP with a daily budget on its feature, at a few concurrent clients,
// and the metering's own cost per call in process (AiCallMeter.Record + AiDailySpend.SpentTodayAsync from memory).
// Before the meter queued its records, each metered call awaited one INSERT and, with a budget, one SUM.
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.AiMetering [-- --clients 4 --seconds 15]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.Bench.Common;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Testing;

namespace TradingPlatform.Bench.AiMetering;

/// <summary>The entry point (a class, not top-level statements: the AiService's own Program is referenced).</summary>
internal static class AiMeteringBench
{
    public static async Task<int> Main(string[] args)
    {
        var clients = Option(args, "--clients", 4);
        var seconds = Option(args, "--seconds", 15);
        const double MeteringTargetUs = 50;
        var inv = CultureInfo.InvariantCulture;
        var infrastructure = new InfrastructureFixture();
        await infrastructure.InitializeAsync();
        try
        {
            var signingKey = RandomNumberGenerator.GetHexString(64);
            var settings = new Dictionary<string, string?>(infrastructure.Configuration)
            {
                ["Jwt:SigningKey"] = signingKey,
                ["AiCosts:Prices:sentiment:Per1KInputTokensUsd"] = "0.001",
                ["AiCosts:DailyBudgetsUsd:sentiment"] = "1000000",
            };
            await using var factory = new BenchApiFactory<Program>(settings);
            factory.StartServer();
            await factory.Services.GetRequiredService<SchemaStatus<AiDbContext>>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
            var user = Guid.NewGuid();
            using var http = new HttpClient { BaseAddress = factory.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(signingKey, "trader", userId: user));
            string[] texts = ["Profit soared and the outlook was raised.", "Shares slumped after the warning.", "The board meets on Tuesday."];

            // Warm-up: JIT, the ONNX session, the day's spend loaded once.
            for (var i = 0; i < 50; i++)
            {
                (await http.PostAsJsonAsync("/api/sentiment/analyze", new { text = texts[i % 3] })).EnsureSuccessStatusCode();
            }

            var latencies = new List<double>[clients];
            var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                latencies[c] = [];
                for (var i = 0; Stopwatch.GetTimestamp() < until; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync("/api/sentiment/analyze", new { text = texts[(c + i) % 3] });
                    response.EnsureSuccessStatusCode();
                    latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            })));
            wall.Stop();
            var all = latencies.SelectMany(l => l).Order().ToArray();
            var meter = factory.Services.GetRequiredService<AiCallMeter>();
            await meter.FlushAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await using var scope = factory.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<AiDbContext>().AiCallRecords.CountAsync(r => r.UserId == user.ToString());

            // The metering alone, in process: the budget check from memory and the record queued (no writer is behind it
            // here past the queue's capacity, so the loop stays well under it).
            var spend = factory.Services.GetRequiredService<AiDailySpend>();
            const int Calls = 20_000;
            var call = new AiCall(AiFeatures.Sentiment, "bench", "1", 1, 1, TimeSpan.FromMilliseconds(1), 0.001, null, user.ToString());
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++)
            {
                _ = await spend.SpentTodayAsync(AiFeatures.Sentiment, CancellationToken.None);
                meter.Record(call);
            }

            sw.Stop();
            await meter.FlushAsync().WaitAsync(TimeSpan.FromMinutes(1));
            var meteringUs = sw.Elapsed.TotalMilliseconds * 1000 / Calls;

            Console.WriteLine($"AI metering benchmark: POST /api/sentiment/analyze over HTTP, {clients} clients, {seconds} s, sentiment budget on; {Environment.ProcessorCount} logical CPUs");
            Console.WriteLine(string.Create(inv, $"metered sentiment calls: {all.Length / wall.Elapsed.TotalSeconds:N0}/s, p50 {Percentile(all, 0.50):N2} ms, p99 {Percentile(all, 0.99):N2} ms; {stored:N0} of {all.Length + 50:N0} records stored after the flush"));
            Console.WriteLine(string.Create(inv, $"metering per call (budget check + record): {meteringUs:N2} µs (target < {MeteringTargetUs} µs: {(meteringUs < MeteringTargetUs ? "met" : "missed")})"));
            return stored == all.Length + 50 ? 0 : 1;
        }
        finally
        {
            await infrastructure.DisposeAsync();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
