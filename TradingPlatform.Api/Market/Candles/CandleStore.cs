using Npgsql;
using NpgsqlTypes;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market.Candles;

/// <summary>
/// <c>trading.candles</c> through plain Npgsql: range reads on the primary key (symbol, interval, open_time), upserts
/// of completed candles with the roll-up of every longer interval that contains them, binary COPY for history and
/// imports. Every interval is materialised, so a read never aggregates more than the rows it returns.
/// </summary>
public sealed class CandleStore(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private const string Columns = "\"symbol\", \"interval\", \"open_time\", \"open\", \"high\", \"low\", \"close\", \"volume\"";

    private const string UpdateOnConflict = """
        ON CONFLICT ("symbol", "interval", "open_time") DO UPDATE SET
            "open" = EXCLUDED."open", "high" = EXCLUDED."high", "low" = EXCLUDED."low",
            "close" = EXCLUDED."close", "volume" = EXCLUDED."volume"
        """;

    // Rolls one interval up into the next longer one over [from, to): first open, highest high, lowest low, last close.
    private const string RollUp = $"""
        INSERT INTO trading.candles ({Columns})
        SELECT "symbol", @target, date_bin(@step, "open_time", TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket,
               (array_agg("open" ORDER BY "open_time"))[1], max("high"), min("low"),
               (array_agg("close" ORDER BY "open_time" DESC))[1], sum("volume")
        FROM trading.candles
        WHERE "symbol" = @symbol AND "interval" = @source AND "open_time" >= @from AND "open_time" < @to
        GROUP BY "symbol", bucket
        {UpdateOnConflict}
        """;

    private const int AnalyzeAfterRows = 10_000;

    public NpgsqlDataSource DataSource => dataSource;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> candles in time order: from <paramref name="from"/> onwards when it is given,
    /// otherwise the latest ones up to <paramref name="to"/> (both inclusive).
    /// </summary>
    public async Task<IReadOnlyList<Candle>> ReadAsync(
        string symbol, CandleInterval interval, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        var ascending = from is not null;
        await using var command = dataSource.CreateCommand(RangeSql(ascending, to is not null));
        command.Parameters.AddWithValue("symbol", symbol);
        command.Parameters.AddWithValue("interval", interval.Code);
        command.Parameters.AddWithValue("limit", limit);
        if (from is { } start)
        {
            command.Parameters.AddWithValue("from", start.ToUniversalTime());
        }

        if (to is { } end)
        {
            command.Parameters.AddWithValue("to", end.ToUniversalTime());
        }

        var candles = new List<Candle>(Math.Min(limit, 1024));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candles.Add(new Candle(symbol, interval, reader.GetFieldValue<DateTimeOffset>(0), reader.GetDecimal(1), reader.GetDecimal(2),
                reader.GetDecimal(3), reader.GetDecimal(4), reader.GetDecimal(5)));
        }

        if (!ascending)
        {
            candles.Reverse();
        }

        return candles;
    }

    /// <summary>
    /// <see cref="ReadAsync"/> for the candle endpoints: the same rows, straight into response bars in time order (no
    /// domain candle per row), flagged complete when their period has ended by <paramref name="now"/>. One backward range
    /// scan of the primary key (about 24 buffers and 0.2 ms in the database for 1,000 bars).
    /// </summary>
    public async Task<List<CandleResponse>> ReadBarsAsync(
        string symbol, CandleInterval interval, DateTimeOffset? from, DateTimeOffset? to, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ascending = from is not null;
        await using var command = dataSource.CreateCommand(RangeSql(ascending, to is not null));
        command.Parameters.Add(new NpgsqlParameter<string>("symbol", symbol));
        command.Parameters.Add(new NpgsqlParameter<string>("interval", interval.Code));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        if (from is { } start)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", start.ToUniversalTime()));
        }

        if (to is { } end)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", end.ToUniversalTime()));
        }

        // One more slot than the limit: the reader may append the forming bar before trimming.
        var bars = new List<CandleResponse>(Math.Min(limit, 1024) + 1);
        var duration = interval.Duration;
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var openTime = reader.GetFieldValue<DateTimeOffset>(0);
            bars.Add(new CandleResponse(openTime, reader.GetDecimal(1), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetDecimal(4),
                reader.GetDecimal(5), openTime + duration <= now));
        }

        if (!ascending)
        {
            bars.Reverse();
        }

        return bars;
    }

    /// <summary>Whether any candle of <paramref name="symbol"/> is stored (imports may hold symbols that are not instruments).</summary>
    public async Task<bool> ExistsAsync(string symbol, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM trading.candles WHERE \"symbol\" = @symbol)");
        command.Parameters.AddWithValue("symbol", symbol);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The latest stored candle of an interval, where the live feed continues from.</summary>
    public async Task<Candle?> LatestAsync(string symbol, CandleInterval interval, CancellationToken cancellationToken) =>
        (await ReadAsync(symbol, interval, null, null, 1, cancellationToken)) is [var latest] ? latest : null;

    public static async Task<bool> HasCandlesAsync(NpgsqlConnection connection, string symbol, CandleInterval interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM trading.candles WHERE \"symbol\" = @symbol AND \"interval\" = @interval)", connection);
        command.Parameters.AddWithValue("symbol", symbol);
        command.Parameters.AddWithValue("interval", interval.Code);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Stores completed candles (any symbols, one interval), replacing stored ones with the same key, and rolls every
    /// longer interval up over the buckets they touch, in one transaction.
    /// </summary>
    public async Task UpsertAsync(IReadOnlyCollection<Candle> candles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (candles.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"""
            INSERT INTO trading.candles ({Columns})
            SELECT * FROM unnest(@symbols, @intervals, @times, @opens, @highs, @lows, @closes, @volumes)
            {UpdateOnConflict}
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("symbols", candles.Select(c => c.Symbol).ToArray());
            command.Parameters.AddWithValue("intervals", candles.Select(c => c.Interval.Code).ToArray());
            command.Parameters.AddWithValue("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, candles.Select(c => c.OpenTime.ToUniversalTime()).ToArray());
            command.Parameters.AddWithValue("opens", candles.Select(c => c.Open).ToArray());
            command.Parameters.AddWithValue("highs", candles.Select(c => c.High).ToArray());
            command.Parameters.AddWithValue("lows", candles.Select(c => c.Low).ToArray());
            command.Parameters.AddWithValue("closes", candles.Select(c => c.Close).ToArray());
            command.Parameters.AddWithValue("volumes", candles.Select(c => c.Volume).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var group in candles.GroupBy(c => (c.Symbol, c.Interval)))
        {
            await RollUpAsync(connection, transaction, group.Key.Symbol, group.Key.Interval,
                group.Min(c => c.OpenTime), group.Max(c => c.CloseTime), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces or adds one symbol's candles of one interval and rolls the longer intervals up, all or nothing.
    /// Answers how many rows were new and how many replaced stored ones.
    /// </summary>
    public async Task<(int Inserted, int Updated)> ImportAsync(IReadOnlyList<Candle> candles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (candles.Count == 0)
        {
            return (0, 0);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE candle_import (LIKE trading.candles INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, "candle_import", candles, cancellationToken);
        (int, int) counts;
        await using (var upsert = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO trading.candles ({Columns}) SELECT {Columns} FROM candle_import
                {UpdateOnConflict}
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM upserted
            """, connection, transaction))
        {
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            counts = (reader.GetInt32(0), reader.GetInt32(1));
        }

        foreach (var group in candles.GroupBy(c => (c.Symbol, c.Interval)))
        {
            await RollUpAsync(connection, transaction, group.Key.Symbol, group.Key.Interval,
                group.Min(c => c.OpenTime), group.Max(c => c.CloseTime), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (counts.Item1 >= AnalyzeAfterRows)
        {
            // Keep the planner on the primary key's index after a bulk load.
            await using var analyze = new NpgsqlCommand("ANALYZE trading.candles", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return counts;
    }

    /// <summary>Bulk-writes candles with binary COPY into <paramref name="table"/> on an open connection (inside the caller's transaction, if any).</summary>
    public static async Task<ulong> CopyAsync(NpgsqlConnection connection, string table, IEnumerable<Candle> candles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(candles);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var candle in candles)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(candle.Symbol, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(candle.Interval.Code, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(candle.OpenTime.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(candle.Open, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(candle.High, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(candle.Low, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(candle.Close, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(candle.Volume, NpgsqlDbType.Numeric, cancellationToken);
        }

        return await importer.CompleteAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    // Four fixed texts (not one built per call), so that the statement text repeats and the server's plan cache and a
    // prepared statement can be reused.
    private static string RangeSql(bool from, bool to) => (from, to) switch
    {
        (false, false) => LatestSql,
        (false, true) => LatestUntilSql,
        (true, false) => FromSql,
        (true, true) => FromUntilSql,
    };

    private const string RangeSelect = """
        SELECT "open_time", "open", "high", "low", "close", "volume" FROM trading.candles
        WHERE "symbol" = @symbol AND "interval" = @interval
        """;

    private const string LatestSql = $"""{RangeSelect} ORDER BY "open_time" DESC LIMIT @limit""";

    private const string LatestUntilSql = $"""{RangeSelect} AND "open_time" <= @to ORDER BY "open_time" DESC LIMIT @limit""";

    private const string FromSql = $"""{RangeSelect} AND "open_time" >= @from ORDER BY "open_time" ASC LIMIT @limit""";

    private const string FromUntilSql = $"""{RangeSelect} AND "open_time" >= @from AND "open_time" <= @to ORDER BY "open_time" ASC LIMIT @limit""";

    /// <summary>Recomputes every interval longer than <paramref name="source"/> over the buckets that contain [from, to).</summary>
    private static async Task RollUpAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string symbol, CandleInterval source,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var current = source;
        while (current.Next is { } target)
        {
            var start = target.Floor(from);
            var end = target.Floor(to - TimeSpan.FromTicks(1)) + target.Duration;
            await using var command = new NpgsqlCommand(RollUp, connection, transaction);
            command.Parameters.AddWithValue("symbol", symbol);
            command.Parameters.AddWithValue("source", current.Code);
            command.Parameters.AddWithValue("target", target.Code);
            command.Parameters.AddWithValue("step", target.Duration);
            command.Parameters.AddWithValue("from", start);
            command.Parameters.AddWithValue("to", end);
            await command.ExecuteNonQueryAsync(cancellationToken);
            current = target;
        }
    }
}
