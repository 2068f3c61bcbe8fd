namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// The fast path's view of the bars, implemented over plain arrays on the CPU and over device memory in the GPU
/// kernel, so that one simulation (<see cref="CrossoverSimulation{TBars}"/>) serves both. Prices are the quotes the
/// engine builds at each bar price (<see cref="Backtesting.BacktestMarket.QuoteAt"/>), in whole ticks.
/// </summary>
internal interface ICrossoverBars
{
    /// <summary>The number of bars.</summary>
    int Count { get; }

    /// <summary>The bid at a bar price: <paramref name="price"/> is <see cref="BarPrice"/>'s open, high, low or close.</summary>
    long Bid(int bar, int price);

    long Ask(int bar, int price);

    /// <summary>The UTC day number of the quote at position <paramref name="point"/> (0 … 3) of the bar's path.</summary>
    int Day(int bar, int point);

    /// <summary>The bar's <see cref="BarFlags"/>.</summary>
    int Flags(int bar);

    /// <summary>UTC ticks of equity point <paramref name="point"/>: 0 is the first bar's open, i + 1 bar i's close.</summary>
    long PointTime(int point);

    /// <summary>An indicator value (the engine's own streaming indicator, NaN until ready) of table row <paramref name="row"/>.</summary>
    double Indicator(int row, int bar);

    /// <summary>
    /// The first bar at or after <paramref name="from"/> where fast &gt; slow (<paramref name="sign"/> = 1) or fast &lt;
    /// slow (−1); <see cref="Count"/> when there is none.
    /// </summary>
    int FindCross(int fastRow, int slowRow, int from, int sign);
}
