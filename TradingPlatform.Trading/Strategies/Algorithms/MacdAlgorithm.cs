using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>MACD: long when the MACD line crosses above its signal line, flat (or short) when it crosses below.</summary>
public sealed class MacdAlgorithm : StrategyAlgorithm
{
    public override string Code => "macd";

    public override string Description => "Long when MACD (EMA(fast) − EMA(slow)) crosses above its signal EMA; flat (or short) when it crosses below.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("fast", ParameterKind.Integer, 1, 1000, 12, "Bars in the fast EMA."),
        new("slow", ParameterKind.Integer, 2, 5000, 26, "Bars in the slow EMA; longer than fast."),
        new("signal", ParameterKind.Integer, 1, 1000, 9, "Bars in the signal line's EMA of MACD."),
        AllowShort,
    ];

    protected override IEnumerable<ParameterError> CheckCombination(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Int("slow") <= parameters.Int("fast"))
        {
            yield return new ParameterError("slow",
                $"The slow EMA ({parameters.Int("slow")} bars) must be longer than the fast one ({parameters.Int("fast")} bars).");
        }
    }

    internal override ISignalRule CreateRule(StrategyParameters parameters) =>
        new Rule(parameters.Int("fast"), parameters.Int("slow"), parameters.Int("signal"), parameters.Flag("allowShort"));

    private sealed class Rule(int fast, int slow, int signal, bool allowShort) : CrossoverRule(allowShort)
    {
        private readonly MovingAverageConvergenceDivergence _macd = new(fast, slow, signal);

        protected override bool Update(double close, out double fastValue, out double slowValue)
        {
            _macd.Add(close);
            fastValue = _macd.Macd;
            slowValue = _macd.Signal;
            return _macd.IsReady;
        }
    }
}
