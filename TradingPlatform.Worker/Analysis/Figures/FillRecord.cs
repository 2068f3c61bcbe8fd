namespace TradingPlatform.Worker.Analysis.Figures;

/// <summary>
/// One fill as the analysis sees it: when, what it realised (before commission, non-zero when it reduced a position),
/// its commission, size, the entry price of the position it traded, and the leverage its order asked for.
/// </summary>
public sealed record FillRecord(DateTimeOffset ExecutedAt, decimal RealizedPnl, decimal Commission, decimal Quantity, decimal EntryPrice, int Leverage);
