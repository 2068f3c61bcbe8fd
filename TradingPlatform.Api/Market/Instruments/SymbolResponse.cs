using TradingPlatform.Trading.Instruments;

namespace TradingPlatform.Api.Market.Instruments;

/// <summary>An entry of <c>GET /api/market/symbols</c> (seed 001).</summary>
public sealed record SymbolResponse(
    string Symbol,
    string Name,
    InstrumentType Type,
    string BaseAsset,
    string QuoteAsset,
    decimal MinQuantity,
    decimal MaxQuantity,
    decimal TickSize,
    bool Active)
{
    public static SymbolResponse From(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new(instrument.Symbol, instrument.Name, instrument.Type, instrument.BaseAsset, instrument.QuoteAsset,
            instrument.MinQuantity, instrument.MaxQuantity, instrument.TickSize, instrument.Active);
    }
}
