using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Testing;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Worker.Tests.Backtests;

/// <summary>
/// The trading data a backtest job reads, written straight to the fixture's tradingdb: the trading schema (migrated as
/// the Api migrates it at start), an instrument of the test's own (BTC-USD's parameters under a symbol no other test
/// uses, so tests never share candles or instruments), its generated 1-minute bars (binary COPY), and the stored run.
/// </summary>
internal sealed class BacktestData(InfrastructureFixture infrastructure)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Migrated = new(StringComparer.Ordinal);

    /// <summary>The first bar of every test's data (a Monday, UTC).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public TradingDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<TradingDbContext>().UseNpgsql(infrastructure.TradingDb, TradingDbContext.ConfigureNpgsql)
            .AddInterceptors(AccountLockInterceptor.Instance).Options);

    /// <summary>The trading schema as the Api creates it (the Worker never migrates it); once per database.</summary>
    public Task EnsureSchemaAsync() =>
        Migrated.GetOrAdd(infrastructure.TradingDb, _ => new Lazy<Task>(async () =>
        {
            await using var db = CreateContext();
            await db.Database.MigrateAsync();
        })).Value;

    /// <summary>BTC-USD's parameters under a fresh symbol, stored in trading.instruments (or only returned when <paramref name="store"/> is false).</summary>
    public async Task<Instrument> AddInstrumentAsync(bool store = true)
    {
        var btc = InstrumentCatalog.Find("BTC-USD")!;
        var instrument = btc with { Symbol = $"BT{Guid.NewGuid():N}"[..16].ToUpperInvariant(), Name = "Test Bitcoin / US Dollar" };
        if (store)
        {
            await using var db = CreateContext();
            db.Set<Instrument>().Add(instrument);
            await db.SaveChangesAsync();
        }

        return instrument;
    }

    /// <summary>Generated 1-minute history of <paramref name="instrument"/> from <see cref="Start"/>, inserted into trading.candles.</summary>
    public async Task<IReadOnlyList<Candle>> AddMinutesAsync(Instrument instrument, TimeSpan span, int seed)
    {
        var candles = HistoryGenerator.GenerateMinutes(instrument, Start, Start + span, seed).ToList();
        await using var connection = new NpgsqlConnection(infrastructure.TradingDb);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY trading.candles (symbol, interval, open_time, open, high, low, close, volume) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var candle in candles)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(candle.Symbol, NpgsqlDbType.Varchar);
                await writer.WriteAsync(candle.Interval.Code, NpgsqlDbType.Varchar);
                await writer.WriteAsync(candle.OpenTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(candle.Open, NpgsqlDbType.Numeric);
                await writer.WriteAsync(candle.High, NpgsqlDbType.Numeric);
                await writer.WriteAsync(candle.Low, NpgsqlDbType.Numeric);
                await writer.WriteAsync(candle.Close, NpgsqlDbType.Numeric);
                await writer.WriteAsync(candle.Volume, NpgsqlDbType.Numeric);
            }

            await writer.CompleteAsync();
        }

        return candles;
    }

    /// <summary>
    /// An SMA crossover (fast 5, slow 20, long and short) with the default risk management over [<see cref="Start"/>,
    /// <paramref name="end"/>) of <paramref name="symbols"/>, stored queued as the Api stores it.
    /// </summary>
    public static BacktestRun NewRun(IReadOnlyList<string> symbols, DateTimeOffset end, string? parameters = null) => new()
    {
        OwnerId = Guid.NewGuid(),
        Algorithm = "sma_crossover",
        Parameters = parameters ?? """{"fast":5,"slow":20,"allowShort":true}""",
        RiskManagement = RiskManagement.Default,
        Symbols = [.. symbols],
        Interval = CandleInterval.OneMinute,
        Start = Start,
        End = end,
        InitialBalance = 100_000m,
        Leverage = 2,
        CommissionRate = 0.0005m,
        RiskFreeRate = 0.02,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public async Task<BacktestRun> StoreAsync(BacktestRun run)
    {
        await using var db = CreateContext();
        db.Backtests.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    public async Task<BacktestRun?> RunAsync(BacktestId id)
    {
        await using var db = CreateContext();
        return await db.Backtests.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
    }

    public async Task<List<BacktestTradeRecord>> TradesAsync(BacktestId id)
    {
        await using var db = CreateContext();
        return await db.BacktestTrades.AsNoTracking().Where(t => t.BacktestId == id).OrderBy(t => t.Number).ToListAsync();
    }

    /// <summary>The run's rows in trading.outbox_messages of <paramref name="type"/>, in the order they were written.</summary>
    public async Task<List<(string Type, JsonElement Payload)>> OutboxAsync(BacktestId id, string? type = null)
    {
        await using var db = CreateContext();
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type.StartsWith("Backtest") && (type == null || m.Type == type))
            .OrderBy(m => m.Sequence).Select(m => new { m.Type, m.Payload }).ToListAsync();
        return [.. rows
            .Select(r => (r.Type, Payload: JsonDocument.Parse(r.Payload).RootElement.Clone()))
            .Where(r => r.Payload.GetProperty("backtestId").GetGuid() == id.Value)];
    }

    /// <summary>
    /// The engine run directly on the generated bars, with the settings the job derives from the stored row (the
    /// instrument with the run's commission override, the bound parameters, the seed).
    /// </summary>
    public static BacktestResult RunDirectly(BacktestRun run, IReadOnlyList<Instrument> instruments, IReadOnlyDictionary<string, IReadOnlyList<Candle>> candles)
    {
        var algorithm = StrategyAlgorithms.Find(run.Algorithm)!;
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(run.Parameters)!
            .ToDictionary(p => p.Key, p => p.Value.ValueKind switch
            {
                JsonValueKind.True => 1d,
                JsonValueKind.False => 0d,
                _ => p.Value.GetDouble(),
            });
        var parameters = algorithm.Bind(values, out var errors) ?? throw new InvalidOperationException(string.Join(" ", errors));
        var settings = new BacktestSettings
        {
            Parameters = parameters, Risk = run.RiskManagement,
            Instruments = [.. instruments.Select(i => i with { CommissionRate = run.CommissionRate ?? i.CommissionRate, SlippageFactor = run.SlippageFactor ?? i.SlippageFactor })],
            Interval = run.Interval, Start = run.Start, End = run.End, InitialBalance = run.InitialBalance, Leverage = run.Leverage,
            Path = run.IntrabarPath, Seed = run.Seed, RiskFreeRate = run.RiskFreeRate,
        };
        return BacktestEngine.Run(settings, candles);
    }
}
