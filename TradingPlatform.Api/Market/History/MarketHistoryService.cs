using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market.History;

/// <summary>
/// On start, in the background (readiness never waits for it), generates <see cref="MarketHistoryOptions.Days"/> of
/// 1-minute history ending now for every active instrument that has none, with every longer interval rolled up, and
/// writes each instrument in one transaction with binary COPY. A PostgreSQL advisory lock makes replicas take turns:
/// the second finds the history written and skips it, so restarts and replicas never duplicate it.
/// </summary>
internal sealed class MarketHistoryService(
    IOptions<MarketHistoryOptions> options,
    IOptions<MarketFeedOptions> feedOptions,
    InstrumentRegistry registry,
    CandleStore store,
    MarketHistoryStatus status,
    SchemaStatus<TradingDbContext> schema,
    TimeProvider time,
    ILogger<MarketHistoryService> logger) : BackgroundService
{
    /// <summary>The advisory lock's key ("MKTHIST" in ASCII): one generator at a time across replicas.</summary>
    public const long LockKey = 0x4D4B54484953L;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            status.MarkCompleted();
            return;
        }

        await Task.Yield();
        try
        {
            await schema.Completion.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await GenerateAsync(stoppingToken);
                status.MarkCompleted();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(exception, "Generating market history failed; retrying in {Delay}", delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task GenerateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            lockCommand.CommandTimeout = 0; // Another replica may be generating: wait for it, however long it takes.
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var seed = feedOptions.Value.Seed ?? Random.Shared.Next();
            var generated = false;
            foreach (var instrument in registry.All.Where(i => i.Active))
            {
                if (await CandleStore.HasCandlesAsync(connection, instrument.Symbol, CandleInterval.OneMinute, cancellationToken))
                {
                    status.MarkReady(instrument.Symbol, generated: false);
                    continue;
                }

                var watch = Stopwatch.StartNew();
                var end = CandleInterval.OneMinute.Floor(time.GetUtcNow());
                var minutes = HistoryGenerator.GenerateMinutes(instrument, end.AddDays(-options.Value.Days), end, seed).ToList();
                var all = new List<Candle>(minutes.Count + (minutes.Count / 3));
                all.AddRange(minutes);
                IReadOnlyList<Candle> level = minutes;
                foreach (var interval in CandleInterval.All.Skip(1))
                {
                    level = CandleAggregator.Aggregate(level, interval);
                    all.AddRange(level);
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var rows = await CandleStore.CopyAsync(connection, "trading.candles", all, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                status.MarkReady(instrument.Symbol, generated: true);
                logger.LogInformation("Generated {Days} days of history for {Symbol}: {Rows} candles in {Elapsed} ms",
                    options.Value.Days, instrument.Symbol, rows, watch.ElapsedMilliseconds);
                generated = true;
            }

            if (generated)
            {
                // Fresh statistics: planned on an empty table's, a read of the latest 1,000 bars would sort the whole series.
                await using var analyze = new NpgsqlCommand("ANALYZE trading.candles", connection);
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            // Closing the connection releases the lock too; unlocking explicitly returns it to the pool clean.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", LockKey);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }
}
