using TradingPlatform.Trading.Indicators;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// RSI mean reversion: long when RSI closes at or below the oversold level, out again once it recovers to the exit
/// level; at or above overbought it goes short (when allowed, out again at the exit level) or stays flat.
/// </summary>
public sealed class RsiMeanReversionAlgorithm : StrategyAlgorithm
{
    public override string Code => "rsi_mean_reversion";

    public override string Description => "Buys when Wilder's RSI is oversold and exits when it recovers to the exit level; shorts overbought when allowed.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("period", ParameterKind.Integer, 2, 1000, 14, "Bars in Wilder's RSI."),
        new("oversold", ParameterKind.Real, 0, 100, 30, "RSI at or below which it buys."),
        new("overbought", ParameterKind.Real, 0, 100, 70, "RSI at or above which it sells (or shorts)."),
        new("exitLevel", ParameterKind.Real, 0, 100, 50, "RSI at which an open trade is closed; between oversold and overbought."),
        AllowShort,
    ];

    protected override IEnumerable<ParameterError> CheckCombination(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (low, exit, high) = (parameters.Real("oversold"), parameters.Real("exitLevel"), parameters.Real("overbought"));
        if (!(low < exit && exit < high))
        {
            yield return new ParameterError("exitLevel",
                $"The levels must satisfy oversold < exitLevel < overbought; they were {low}, {exit} and {high}.");
        }
    }

    internal override ISignalRule CreateRule(StrategyParameters parameters) => new Rule(
        parameters.Int("period"), parameters.Real("oversold"), parameters.Real("overbought"), parameters.Real("exitLevel"), parameters.Flag("allowShort"));

    private sealed class Rule(int period, double oversold, double overbought, double exitLevel, bool allowShort) : ISignalRule
    {
        private readonly RelativeStrengthIndex _rsi = new(period);
        private TargetExposure _state = TargetExposure.Flat;

        public TargetExposure? OnBar(Candle bar)
        {
            _rsi.Add((double)bar.Close);
            if (!_rsi.IsReady)
            {
                return null;
            }

            var rsi = _rsi.Value;
            var next = _state switch
            {
                _ when rsi <= oversold => TargetExposure.Long,
                _ when rsi >= overbought => allowShort ? TargetExposure.Short : TargetExposure.Flat,
                TargetExposure.Long when rsi >= exitLevel => TargetExposure.Flat,
                TargetExposure.Short when rsi <= exitLevel => TargetExposure.Flat,
                _ => _state,
            };
            if (next == _state)
            {
                return null;
            }

            _state = next;
            return next;
        }
    }
}
