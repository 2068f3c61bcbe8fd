using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Tests.Market;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.Jobs.Backtests;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Tests.Backtests;

/// <summary>
/// Arranging backtests for the Api's tests: catalog instruments' generated 1-minute history in a period of 2020 that no
/// other test stores or reads (upserted through the Api's own <see cref="CandleStore"/>, which rolls the longer
/// intervals up; the same seed every time, so a repeat upsert changes nothing), valid request bodies, and what
/// Hangfire's storage holds.
/// </summary>
internal static class BacktestKit
{
    /// <summary>A Monday; the data runs <see cref="DataDays"/> days from here.</summary>
    public static readonly DateTimeOffset DataStart = new(2020, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public const int DataDays = 3;

    public static DateTimeOffset DataEnd => DataStart.AddDays(DataDays);

    public static async Task StoreHistoryAsync(this ApiFactory factory, params string[] symbols)
    {
        foreach (var symbol in symbols)
        {
            var instrument = InstrumentCatalog.Find(symbol)!;
            var candles = HistoryGenerator.GenerateMinutes(instrument, DataStart, DataEnd, seed: 2020).ToList();
            await factory.StoreAsync(candles);
        }
    }

    public static object InlineRequest(
        object? parameters = null, string algorithm = "sma_crossover", string[]? symbols = null, string interval = "1m",
        DateTimeOffset? start = null, DateTimeOffset? end = null, object? initialBalance = null, int leverage = 1, object? risk = null) => new Dictionary<string, object?>
    {
        ["strategy"] = new Dictionary<string, object?>
        {
            ["algorithm"] = algorithm,
            ["parameters"] = parameters ?? new { fast = 5, slow = 20 },
            ["riskManagement"] = risk,
        },
        ["symbols"] = symbols ?? ["BTC-USD"],
        ["interval"] = interval,
        ["start"] = start ?? DataStart,
        ["end"] = end ?? DataEnd,
        ["initialBalance"] = initialBalance ?? 50_000m,
        ["leverage"] = leverage,
    };

    /// <summary>POSTs a valid inline backtest and answers its id (202 asserted).</summary>
    public static async Task<Guid> CreateBacktestAsync(this HttpClient client, object? body = null)
    {
        using var response = await client.PostJsonAsync("/api/backtests", body ?? InlineRequest());
        return (await response.ReadDataAsync(HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
    }

    public static async Task<BacktestRun?> RowAsync(this ApiFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Backtests.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == BacktestId.From(id));
    }

    public static async Task<long> CountRowsAsync(this ApiFactory factory, Guid ownerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Backtests.LongCountAsync(b => b.OwnerId == ownerId);
    }

    /// <summary>Every backtest job Hangfire's storage has ever been given (it keeps finished and deleted ones for a day).</summary>
    public static Task<long> CountBacktestJobsAsync(InfrastructureFixture infrastructure) => MarketKit.CountAsync(infrastructure,
        "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE @type", ("type", $"%{nameof(IBacktestJob)}%"));

    public static JobData? Job(this ApiFactory factory, string jobId)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobData(jobId);
    }

    public static StateData? JobState(this ApiFactory factory, string jobId)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId);
    }

    /// <summary>The rows of the trading outbox about one backtest, oldest first.</summary>
    public static async Task<List<(string Type, JsonElement Payload)>> OutboxAsync(this ApiFactory factory, Guid backtestId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<TradingDbContext>().Set<TradingPlatform.Messaging.Outbox.OutboxMessage>().AsNoTracking()
            .Where(m => m.Type.StartsWith("Backtest")).OrderBy(m => m.Sequence).Select(m => new { m.Type, m.Payload }).ToListAsync();
        return [.. rows.Select(r => (r.Type, JsonDocument.Parse(r.Payload).RootElement.Clone()))
            .Where(r => r.Item2.GetProperty("backtestId").GetGuid() == backtestId)];
    }
}
