using TradingPlatform.Trading.Indicators;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// Bollinger breakout: long when a bar closes above the upper band, short (when allowed) below the lower band, and out
/// when the close comes back across the middle band.
/// </summary>
public sealed class BollingerBreakoutAlgorithm : StrategyAlgorithm
{
    public override string Code => "bollinger_breakout";

    public override string Description => "Buys a close above the upper Bollinger band (shorts one below the lower band when allowed); exits at the middle band.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("period", ParameterKind.Integer, 2, 1000, 20, "Bars in the middle band (SMA) and the standard deviation."),
        new("width", ParameterKind.Real, 0.1, 10, 2, "Band distance from the middle in standard deviations."),
        AllowShort,
    ];

    internal override ISignalRule CreateRule(StrategyParameters parameters) =>
        new Rule(parameters.Int("period"), parameters.Real("width"), parameters.Flag("allowShort"));

    private sealed class Rule(int period, double width, bool allowShort) : ISignalRule
    {
        private readonly BollingerBands _bands = new(period, width);
        private TargetExposure _state = TargetExposure.Flat;

        public TargetExposure? OnBar(Candle bar)
        {
            var close = (double)bar.Close;
            _bands.Add(close);
            if (!_bands.IsReady)
            {
                return null;
            }

            var next = _state switch
            {
                _ when close > _bands.Upper => TargetExposure.Long,
                _ when close < _bands.Lower && allowShort => TargetExposure.Short,
                TargetExposure.Long when close < _bands.Middle => TargetExposure.Flat,
                TargetExposure.Short when close > _bands.Middle => TargetExposure.Flat,
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
