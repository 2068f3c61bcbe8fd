using TradingPlatform.Trading.Indicators;

namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// Each distinct period's moving average at every bar, one row per period, computed once per sweep and shared by every
/// combination. The rows come from the engine's own streaming <see cref="SimpleMovingAverage"/> and
/// <see cref="ExponentialMovingAverage"/>, not from prefix sums or a vectorised recurrence: a crossover acts on the sign
/// of fast − slow, and two averages that are equal in exact arithmetic (common with prices on a tick grid) come out
/// equal, above or below each other depending on the order of the additions, so only the same arithmetic gives the
/// same signals. Filling a row is O(bars) and all rows together are a small part of a sweep.
/// </summary>
internal sealed class CrossoverIndicatorTable
{
    private readonly Dictionary<int, int> _rows;

    private CrossoverIndicatorTable(Dictionary<int, int> rows, double[] values)
    {
        _rows = rows;
        Values = values;
    }

    /// <summary>Row-major: row r's value at bar i is at r × bars + i; NaN until the average is ready.</summary>
    public double[] Values { get; }

    public int Rows => _rows.Count;

    public int RowOf(int period) => _rows[period];

    public static CrossoverIndicatorTable Build(bool exponential, double[] closes, IEnumerable<int> periods, int parallelism, CancellationToken cancellationToken)
    {
        var distinct = periods.Distinct().Order().ToArray();
        var rows = distinct.Select((period, row) => (period, row)).ToDictionary(p => p.period, p => p.row);
        var values = new double[(long)distinct.Length * closes.Length];
        Parallel.For(0, distinct.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, row =>
        {
            var target = values.AsSpan(row * closes.Length, closes.Length);
            if (exponential)
            {
                var average = new ExponentialMovingAverage(distinct[row]);
                for (var i = 0; i < closes.Length; i++)
                {
                    average.Add(closes[i]);
                    target[i] = average.Value;
                }
            }
            else
            {
                var average = new SimpleMovingAverage(distinct[row]);
                for (var i = 0; i < closes.Length; i++)
                {
                    average.Add(closes[i]);
                    target[i] = average.Value;
                }
            }
        });
        return new CrossoverIndicatorTable(rows, values);
    }
}
