namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>Indices of a bar's four prices in the quote arrays.</summary>
internal static class BarPrice
{
    public const int Open = 0;
    public const int High = 1;
    public const int Low = 2;
    public const int Close = 3;
}
