namespace TradingPlatform.Trading.Strategies.Algorithms;

public enum ParameterKind
{
    /// <summary>A whole number (a period in bars).</summary>
    Integer,

    /// <summary>Any finite number in range (a band width, an RSI level).</summary>
    Real,

    /// <summary>0 or 1 (false or true), so that a sweep can range over it like any other parameter.</summary>
    Boolean,
}
