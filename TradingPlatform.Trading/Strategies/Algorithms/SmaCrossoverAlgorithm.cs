using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>Simple-moving-average crossover: long when SMA(fast) crosses above SMA(slow), flat or short when it crosses below.</summary>
public sealed class SmaCrossoverAlgorithm : MovingAverageCrossoverAlgorithm
{
    public override string Code => "sma_crossover";

    public override string Description => "Long when the fast simple moving average of closes crosses above the slow one; flat (or short) when it crosses below.";

    internal override ISignalRule CreateRule(StrategyParameters parameters) =>
        new Rule(parameters.Int("fast"), parameters.Int("slow"), parameters.Flag("allowShort"));

    private sealed class Rule(int fast, int slow, bool allowShort) : CrossoverRule(allowShort)
    {
        private readonly SimpleMovingAverage _fast = new(fast);
        private readonly SimpleMovingAverage _slow = new(slow);

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
