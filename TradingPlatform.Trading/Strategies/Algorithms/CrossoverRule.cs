using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// Signals when one line crosses another: long when the fast line closes above the slow one after closing below it,
/// flat (or short) on the opposite cross. The bar on which both lines first exist only records which side is up: a
/// crossover strategy trades crosses, not the state it happens to start in.
/// </summary>
internal abstract class CrossoverRule(bool allowShort) : ISignalRule
{
    private int _previousSign;

    public TargetExposure? OnBar(Candle bar)
    {
        if (!Update((double)bar.Close, out var fast, out var slow))
        {
            return null;
        }

        var sign = Math.Sign(fast - slow);
        var previous = _previousSign;
        if (sign != 0)
        {
            _previousSign = sign;
        }

        if (previous == 0 || sign == 0 || sign == previous)
        {
            return null;
        }

        return sign > 0 ? TargetExposure.Long : allowShort ? TargetExposure.Short : TargetExposure.Flat;
    }

    /// <summary>Feeds the close to both lines; false until both are ready.</summary>
    protected abstract bool Update(double close, out double fast, out double slow);
}
