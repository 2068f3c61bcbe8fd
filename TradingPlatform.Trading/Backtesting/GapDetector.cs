using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// Finds bars missing while the market was open. A missing bar counts when the instrument's sessions (the real ones,
/// not the backtest's always-open view) are open at its start or its middle, so nights and weekends of a stock are
/// not gaps, and a daily or hourly bar that straddles a session opening is still expected.
/// </summary>
/// <remarks>Bars are identified by the index of their instrument in the settings (the engine knows it), not by symbol.</remarks>
public sealed class GapDetector(IReadOnlyList<Instrument> instruments, CandleInterval interval)
{
    private const int MaxStepsPerGap = 1_000_000;
    private readonly DateTimeOffset?[] _last = new DateTimeOffset?[instruments.Count];
    private readonly TimeSpan _duration = interval.Duration;

    public List<DataGap> Gaps { get; } = [];

    /// <param name="instrument">The index in the settings' instruments of the bar's instrument.</param>
    public void Observe(Candle bar, int instrument)
    {
        if (_last[instrument] is { } previous && bar.OpenTime - previous > _duration)
        {
            var hours = instruments[instrument].Hours;
            var missing = 0;
            var steps = 0;
            for (var at = previous + _duration; at < bar.OpenTime && steps < MaxStepsPerGap; at += _duration, steps++)
            {
                if (hours.IsAlwaysOpen || hours.IsOpen(at) || hours.IsOpen(at + (_duration / 2)))
                {
                    missing++;
                }
            }

            if (missing > 0)
            {
                Gaps.Add(new DataGap(bar.Symbol, previous, bar.OpenTime, missing));
            }
        }

        _last[instrument] = bar.OpenTime;
    }
}
