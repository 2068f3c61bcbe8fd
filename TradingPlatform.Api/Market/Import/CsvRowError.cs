namespace TradingPlatform.Api.Market.Import;

/// <summary>What is wrong with one line of an imported file (1-based, the header is line 1).</summary>
public sealed record CsvRowError(int Line, string Message);
