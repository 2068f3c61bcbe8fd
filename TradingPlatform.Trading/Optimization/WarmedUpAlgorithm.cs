using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Trading.Optimization;

/// <summary>
/// An algorithm whose rules have already seen some bars: each rule it creates is the inner algorithm's, fed the warm-up
/// bars (their signals dropped) before the backtest's first bar. A walk-forward's out-of-sample run uses it so that the
/// indicators are ready and the rule's state is the one a continuous run would have at the first out-of-sample bar,
/// while the engine trades and measures only the out-of-sample bars. The run starts flat: a crossover trades crosses,
/// not the side it finds itself on.
/// </summary>
internal sealed class WarmedUpAlgorithm(StrategyParameters inner, IReadOnlyList<Candle> warmUp) : StrategyAlgorithm
{
    public override string Code => inner.Algorithm.Code;

    public override string Description => inner.Algorithm.Description;

    public override IReadOnlyList<ParameterSpec> Parameters => inner.Algorithm.Parameters;

    public static StrategyParameters Wrap(StrategyParameters inner, IReadOnlyList<Candle> warmUp) =>
        new(new WarmedUpAlgorithm(inner, warmUp), new Dictionary<string, double>(inner.Values, StringComparer.Ordinal));

    internal override ISignalRule CreateRule(StrategyParameters parameters)
    {
        var rule = inner.CreateRule();
        foreach (var bar in warmUp)
        {
            rule.OnBar(bar);
        }

        return rule;
    }
}
