namespace TradingPlatform.Trading.Instruments;

/// <summary>Asset classes; serialised in lower case ("forex", "crypto", …) as seed 001's symbol list has them.</summary>
public enum InstrumentType
{
    Forex,
    Crypto,
    Stock,
    Commodity,
    Future,
}
