using System.Globalization;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market.Import;

/// <summary>
/// Parses and validates an OHLCV CSV file: a header naming timestamp, open, high, low, close and volume (any order,
/// any case, extra columns ignored), then one row per candle. Every row is checked (ISO-8601 timestamp aligned to the
/// interval, positive prices, high ≥ max(open, close), low ≤ min(open, close), non-negative volume, no duplicate
/// timestamp); errors carry the 1-based line number (the header is line 1).
/// </summary>
public static class CsvCandleParser
{
    public const int MaxReportedErrors = 20;

    private static readonly string[] Required = ["timestamp", "open", "high", "low", "close", "volume"];

    public static async Task<CsvParseResult> ParseAsync(TextReader reader, string symbol, CandleInterval interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var candles = new List<Candle>();
        var errors = new List<CsvRowError>();
        var errorCount = 0;
        var seen = new HashSet<DateTimeOffset>();
        var lineNumber = 0;
        Dictionary<string, int>? columns = null;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (columns is null)
            {
                columns = cells.Select((name, index) => (name: name.TrimStart('\uFEFF').ToLowerInvariant(), index))
                    .GroupBy(c => c.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
                var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
                if (missing.Count > 0)
                {
                    return new CsvParseResult([], [new CsvRowError(lineNumber, $"The header must name {string.Join(", ", Required)}; missing {string.Join(", ", missing)}.")], 1, 0);
                }

                continue;
            }

            var problems = new List<string>();
            var candle = ParseRow(cells, columns, symbol, interval, problems);
            if (candle is not null && !seen.Add(candle.OpenTime))
            {
                problems.Add($"duplicate timestamp {candle.OpenTime:O}");
            }

            if (problems.Count > 0)
            {
                errorCount++;
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(new CsvRowError(lineNumber, string.Join("; ", problems)));
                }
            }
            else
            {
                candles.Add(candle!);
            }
        }

        if (columns is null)
        {
            return new CsvParseResult([], [new CsvRowError(1, "The file is empty: a header and at least one row are required.")], 1, 0);
        }

        if (candles.Count == 0 && errorCount == 0)
        {
            return new CsvParseResult([], [new CsvRowError(lineNumber, "The file has a header but no rows.")], 1, 0);
        }

        return new CsvParseResult([.. candles.OrderBy(c => c.OpenTime)], errors, errorCount, candles.Count + errorCount);
    }

    private static Candle? ParseRow(string[] cells, Dictionary<string, int> columns, string symbol, CandleInterval interval, List<string> problems)
    {
        string Cell(string name) => columns[name] < cells.Length ? cells[columns[name]] : "";

        DateTimeOffset? timestamp = null;
        var rawTime = Cell("timestamp");
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var isoDateTime = rawTime.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(rawTime, CultureInfo.InvariantCulture, utc, out _);
        if (isoDateTime ? DateTimeOffset.TryParse(rawTime, CultureInfo.InvariantCulture, utc, out var parsed)
            : DateTimeOffset.TryParseExact(rawTime, "yyyy-MM-dd", CultureInfo.InvariantCulture, utc, out parsed))
        {
            timestamp = parsed.ToUniversalTime();
            if (!interval.IsAligned(parsed))
            {
                problems.Add($"timestamp {rawTime} is not aligned to the {interval.Code} interval");
            }
        }
        else
        {
            problems.Add($"timestamp '{rawTime}' is not an ISO-8601 timestamp");
        }

        decimal? Number(string name)
        {
            var raw = Cell(name);
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add($"{name} '{raw}' is not a number");
            return null;
        }

        var open = Number("open");
        var high = Number("high");
        var low = Number("low");
        var close = Number("close");
        var volume = Number("volume");
        foreach (var (name, value) in new[] { ("open", open), ("high", high), ("low", low), ("close", close) })
        {
            if (value <= 0)
            {
                problems.Add($"{name} must be positive");
            }
        }

        if (volume < 0)
        {
            problems.Add("volume must not be negative");
        }

        if (open is { } o && high is { } h && low is { } l && close is { } c)
        {
            if (h < Math.Max(o, c))
            {
                problems.Add("high must be at least max(open, close)");
            }

            if (l > Math.Min(o, c))
            {
                problems.Add("low must be at most min(open, close)");
            }

            if (h < l)
            {
                problems.Add("high must be at least low");
            }
        }

        return problems.Count > 0 || timestamp is null
            ? null
            : new Candle(symbol, interval, timestamp.Value, open!.Value, high!.Value, low!.Value, close!.Value, volume!.Value);
    }
}
