using TradingPlatform.Trading.Indicators;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>
/// Donchian (turtle) breakout: long when a bar closes above the highest high of the previous entry-period bars, out
/// when it closes below the lowest low of the previous exit-period bars; the mirror image for shorts when allowed.
/// The channels exclude the bar being judged, or no close could ever break out of them.
/// </summary>
public sealed class DonchianBreakoutAlgorithm : StrategyAlgorithm
{
    public override string Code => "donchian_breakout";

    public override string Description => "Buys a close above the previous entryPeriod bars' highest high and exits below the previous exitPeriod bars' lowest low; shorts the mirror image when allowed.";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("entryPeriod", ParameterKind.Integer, 2, 1000, 20, "Bars whose highest high (lowest low for shorts) a close must break to enter."),
        new("exitPeriod", ParameterKind.Integer, 1, 1000, 10, "Bars whose lowest low (highest high for shorts) a close must break to exit; at most entryPeriod."),
        AllowShort,
    ];

    protected override IEnumerable<ParameterError> CheckCombination(StrategyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Int("exitPeriod") > parameters.Int("entryPeriod"))
        {
            yield return new ParameterError("exitPeriod",
                $"The exit channel ({parameters.Int("exitPeriod")} bars) may not be longer than the entry channel ({parameters.Int("entryPeriod")} bars).");
        }
    }

    internal override ISignalRule CreateRule(StrategyParameters parameters) =>
        new Rule(parameters.Int("entryPeriod"), parameters.Int("exitPeriod"), parameters.Flag("allowShort"));

    private sealed class Rule(int entryPeriod, int exitPeriod, bool allowShort) : ISignalRule
    {
        private readonly DonchianChannel _entry = new(entryPeriod);
        private readonly DonchianChannel _exit = new(exitPeriod);
        private TargetExposure _state = TargetExposure.Flat;

        public TargetExposure? OnBar(Candle bar)
        {
            var close = (double)bar.Close;
            var next = _state;
            if (_entry.IsReady)
            {
                next = _state switch
                {
                    _ when close > _entry.Upper => TargetExposure.Long,
                    _ when close < _entry.Lower && allowShort => TargetExposure.Short,
                    TargetExposure.Long when close < _exit.Lower => TargetExposure.Flat,
                    TargetExposure.Short when close > _exit.Upper => TargetExposure.Flat,
                    _ => _state,
                };
            }

            _entry.Add((double)bar.High, (double)bar.Low);
            _exit.Add((double)bar.High, (double)bar.Low);
            if (next == _state)
            {
                return null;
            }

            _state = next;
            return next;
        }
    }
}
