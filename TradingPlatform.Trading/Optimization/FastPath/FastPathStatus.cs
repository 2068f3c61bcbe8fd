namespace TradingPlatform.Trading.Optimization.FastPath;

/// <summary>
/// Why the fast path gave a combination back to the engine instead of finishing it: it met something it does not
/// reproduce exactly. Bits of <see cref="CrossoverAccumulators.Status"/>; 0 means the figures are the engine's.
/// </summary>
internal static class FastPathStatus
{
    public const int Exact = 0;

    /// <summary>An order larger than the top of the book, which the engine fills in parts over several quotes.</summary>
    public const int PartialFill = 1;

    /// <summary>A rounding or margin decision that lies exactly on a boundary where the engine's decimals are not exact (a leverage such as 3).</summary>
    public const int Ambiguous = 2;

    /// <summary>An amount beyond the range in which the integer arithmetic is proven exact.</summary>
    public const int OutOfRange = 4;
}
