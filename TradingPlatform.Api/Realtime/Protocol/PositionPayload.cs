using TradingPlatform.Messaging.Contracts;

namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>Seed 000 HIGH-03's position: side LONG/SHORT, entry time in Unix milliseconds.</summary>
public sealed record PositionPayload(
    Guid Id,
    Guid AccountId,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal? CurrentPrice,
    decimal UnrealizedPnl,
    decimal UnrealizedPnlPercent,
    decimal Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    decimal? LiquidationPrice,
    decimal Margin,
    long EntryTime,
    decimal RealizedPnl,
    string Status)
{
    public static PositionPayload From(PositionSnapshot p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.AccountId, p.Symbol, p.Side.ToUpperInvariant(), p.Quantity, p.EntryPrice, p.CurrentPrice, p.UnrealizedPnl,
            p.UnrealizedPnlPercent, p.Leverage, p.StopLoss, p.TakeProfit, p.LiquidationPrice, p.Margin, p.EntryTime, p.RealizedPnl, p.Status);
    }
}
