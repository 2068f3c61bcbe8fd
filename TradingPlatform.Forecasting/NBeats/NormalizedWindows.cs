namespace TradingPlatform.Forecasting.NBeats;

/// <summary>
/// Consecutive sliding windows of a price series, each divided by its last input price (see <see cref="PriceSeries"/>):
/// <see cref="Inputs"/> holds count × L values and <see cref="Targets"/> count × H, row by row.
/// </summary>
internal sealed class NormalizedWindows
{
    private NormalizedWindows(int count, int lookback, int horizon)
    {
        Count = count;
        Lookback = lookback;
        Horizon = horizon;
        Inputs = new double[count * lookback];
        Targets = new double[count * horizon];
    }

    public int Count { get; }

    public int Lookback { get; }

    public int Horizon { get; }

    public double[] Inputs { get; }

    public double[] Targets { get; }

    /// <summary>Windows <paramref name="firstWindow"/> .. <paramref name="firstWindow"/> + count − 1 of the series (the prices are already checked).</summary>
    public static NormalizedWindows Create(ReadOnlySpan<double> prices, int firstWindow, int count, int lookback, int horizon)
    {
        var windows = new NormalizedWindows(count, lookback, horizon);
        for (var n = 0; n < count; n++)
        {
            var start = firstWindow + n;
            var scale = prices[start + lookback - 1];
            PriceSeries.Normalize(prices.Slice(start, lookback), scale, windows.Inputs.AsSpan(n * lookback, lookback));
            PriceSeries.Normalize(prices.Slice(start + lookback, horizon), scale, windows.Targets.AsSpan(n * horizon, horizon));
        }

        return windows;
    }

    /// <summary>Copies the windows at <paramref name="indices"/>, in that order, into contiguous batch buffers.</summary>
    public void Gather(ReadOnlySpan<int> indices, Span<double> inputs, Span<double> targets)
    {
        for (var n = 0; n < indices.Length; n++)
        {
            Inputs.AsSpan(indices[n] * Lookback, Lookback).CopyTo(inputs.Slice(n * Lookback, Lookback));
            Targets.AsSpan(indices[n] * Horizon, Horizon).CopyTo(targets.Slice(n * Horizon, Horizon));
        }
    }
}
