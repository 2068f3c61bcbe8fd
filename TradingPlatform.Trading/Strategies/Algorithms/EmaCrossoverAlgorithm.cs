using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>Exponential-moving-average crossover: as the SMA crossover, with EMAs seeded by the SMA of their first bars.</summary>
public sealed class EmaCrossoverAlgorithm : MovingAverageCrossoverAlgorithm
{
    public override string Code => "ema_crossover";

    public override string Description => "Long when the fast exponential moving average of closes crosses above the slow one; flat (or short) when it crosses below.";

    internal override ISignalRule CreateRule(StrategyParameters parameters) =>
        new Rule(parameters.Int("fast"), parameters.Int("slow"), parameters.Flag("allowShort"));

    private sealed class Rule(int fast, int slow, bool allowShort) : CrossoverRule(allowShort)
    {
        private readonly ExponentialMovingAverage _fast = new(fast);
        private readonly ExponentialMovingAverage _slow = new(slow);

        protected override bool Update(double close, out double fastValue, out double slowValue)
        {
            _fast.Add(close);
            _slow.Add(close);
            fastValue = _fast.Value;
            slowValue = _slow.Value;
            return _fast.IsReady && _slow.IsReady;
        }
    }
}
