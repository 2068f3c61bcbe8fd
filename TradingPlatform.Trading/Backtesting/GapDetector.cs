using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// Finds bars missing while the market was open. A missing bar counts when the instrument's sessions (the real ones,
/// not the backtest's always-open view) are open at its start or its middle, so nights and weekends of a stock are
/// not gaps, and a daily or hourly bar that straddles a session opening is still expected.
/// </summary>
internal sealed class GapDetector(IReadOnlyList<Instrument> instruments, CandleInterval interval)
{
    private const int MaxStepsPerGap = 1_000_000;
    private readonly Dictionary<string, Instrument> _instruments = instruments.ToDictionary(i => i.Symbol, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);

    public List<DataGap> Gaps { get; } = [];

    public void Observe(Candle bar)
    {
        if (_last.TryGetValue(bar.Symbol, out var previous) && bar.OpenTime - previous > interval.Duration)
        {
            var hours = _instruments[bar.Symbol].Hours;
            var missing = 0;
            var steps = 0;
            for (var at = previous + interval.Duration; at < bar.OpenTime && steps < MaxStepsPerGap; at += interval.Duration, steps++)
            {
                if (hours.IsAlwaysOpen || hours.IsOpen(at) || hours.IsOpen(at + (interval.Duration / 2)))
                {
                    missing++;
                }
            }

            if (missing > 0)
            {
                Gaps.Add(new DataGap(bar.Symbol, previous, bar.OpenTime, missing));
            }
        }

        _last[bar.Symbol] = bar.OpenTime;
    }
}
