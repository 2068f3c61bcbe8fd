namespace TradingPlatform.Trading.Positions;

/// <summary>A PATCH of a position's protection: a level is changed only when its Set flag is true (null then clears it).</summary>
public sealed record ProtectionChange(bool SetStopLoss, decimal? StopLoss, bool SetTakeProfit, decimal? TakeProfit);
