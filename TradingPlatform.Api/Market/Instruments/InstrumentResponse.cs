using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Api.Market.Instruments;

/// <summary>An instrument's full specification (seed 004), with whether its market is open now and when the session ends.</summary>
public sealed record InstrumentResponse(
    string Symbol,
    string Name,
    InstrumentType Type,
    string BaseAsset,
    string QuoteAsset,
    decimal TickSize,
    decimal LotSize,
    decimal MinQuantity,
    decimal MaxQuantity,
    decimal Spread,
    decimal SlippageFactor,
    decimal SizeImpact,
    decimal CommissionRate,
    decimal MinCommission,
    int MaxLeverage,
    decimal MaintenanceMarginRate,
    decimal TopOfBookSize,
    decimal DailyFundingRate,
    bool Active,
    TradingHoursResponse TradingHours,
    bool IsOpenNow,
    DateTimeOffset? SessionEnd)
{
    public static InstrumentResponse From(Instrument instrument, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var open = instrument.Hours.IsOpen(now);
        return new(instrument.Symbol, instrument.Name, instrument.Type, instrument.BaseAsset, instrument.QuoteAsset,
            instrument.TickSize, instrument.LotSize, instrument.MinQuantity, instrument.MaxQuantity, instrument.Spread,
            instrument.SlippageFactor, instrument.SizeImpact, instrument.CommissionRate, instrument.MinCommission,
            instrument.MaxLeverage, instrument.MaintenanceMarginRate, instrument.TopOfBookSize, instrument.DailyFundingRate,
            instrument.Active, TradingHoursResponse.From(instrument.Hours), open, open ? instrument.Hours.SessionEnd(now) : null);
    }
}
