namespace TradingPlatform.Trading.Market;

/// <summary>The simulated market's volatility state; it switches between the two as a Markov chain.</summary>
public enum MarketRegime
{
    Calm,
    Volatile,
}
