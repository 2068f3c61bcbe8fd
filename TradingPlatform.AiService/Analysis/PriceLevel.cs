namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// A support or resistance level: the mean of the pivot prices clustered into it, how many pivots touched it, and the
/// first and last bar that touched it.
/// </summary>
public sealed record PriceLevel(double Price, int Touches, int FirstIndex, int LastIndex);
