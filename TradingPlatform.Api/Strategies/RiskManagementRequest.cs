using System.ComponentModel.DataAnnotations;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>Seed 001's <c>riskManagement</c>, in percent; a member left out keeps its current (or default) value.</summary>
public sealed record RiskManagementRequest
{
    [Range(0d, RiskManagement.MaxPercent, ErrorMessage = "maxRiskPerTrade is a percentage between 0 and 100.")]
    public decimal? MaxRiskPerTrade { get; init; }

    [Range(0d, RiskManagement.MaxPercent, ErrorMessage = "maxDailyLoss is a percentage between 0 and 100.")]
    public decimal? MaxDailyLoss { get; init; }

    [Range(0d, RiskManagement.MaxPercent, ErrorMessage = "stopLoss is a percentage between 0 and 100.")]
    public decimal? StopLoss { get; init; }

    [Range(0d, RiskManagement.MaxTakeProfitPercent, ErrorMessage = "takeProfit is a percentage between 0 and 1000.")]
    public decimal? TakeProfit { get; init; }

    public RiskManagement ApplyTo(RiskManagement current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new RiskManagement(
            MaxRiskPerTrade ?? current.MaxRiskPerTrade,
            MaxDailyLoss ?? current.MaxDailyLoss,
            StopLoss ?? current.StopLoss,
            TakeProfit ?? current.TakeProfit);
    }
}
