using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// One algorithm's state for one symbol. It sees each bar once, at its close, and only bars up to that one (it cannot
/// look ahead); what it answers is traded at the next price, never at the close it was computed on.
/// </summary>
public interface ISignalRule
{
    /// <summary>The exposure wanted from now on when it changes (a signal), or null to keep the current one.</summary>
    TargetExposure? OnBar(Candle bar);
}
