namespace TradingPlatform.Trading.Positions;

/// <summary>Serialised as "LONG"/"SHORT" (seed 000's trade_type).</summary>
public enum PositionSide
{
    Long,
    Short,
}
