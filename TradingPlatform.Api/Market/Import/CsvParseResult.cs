using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Market.Import;

/// <summary>The valid candles of a file, the first bad rows (at most <see cref="CsvCandleParser.MaxReportedErrors"/>), and counts.</summary>
public sealed record CsvParseResult(IReadOnlyList<Candle> Candles, IReadOnlyList<CsvRowError> Errors, int ErrorCount, int Rows)
{
    public bool IsValid => ErrorCount == 0 && Errors.Count == 0;
}
