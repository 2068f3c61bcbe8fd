namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>One combination of a crossover sweep: its indicator table rows, whether it shorts, and the first bar on which both averages exist.</summary>
internal struct CrossoverCombination
{
    public int FastRow;
    public int SlowRow;
    public int AllowShort;
    public int FirstReadyBar;
}
