namespace TradingPlatform.Trading.Tests.Backtesting;

/// <summary>Equal within an absolute tolerance, for comparing series of doubles element by element.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    // Tolerant equality is not transitive, so there is no hash consistent with it: every value goes to one bucket.
    public int GetHashCode(double obj) => 0;
}
