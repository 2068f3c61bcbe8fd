using System.Globalization;

namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// Chart patterns with explicit rules, over the swing pivots (<see cref="Pivots.Find"/>) and levels
/// (<see cref="Pivots.Cluster"/>) of a series. <c>tolerance</c> is relative (0.0025 = 0.25 %).
/// <list type="bullet">
/// <item><c>double_top</c>: the last two swing highs differ by at most <c>tolerance</c> of the higher, a swing low
/// between them lies at least <c>depth</c> below the lower of the two, and the last close is below both (bias −1).
/// <c>double_bottom</c> is the mirror (bias +1).</item>
/// <item><c>higher_highs_higher_lows</c>: the last two swing highs rise and the last two swing lows rise (an ascending
/// channel, +1); <c>lower_highs_lower_lows</c> the mirror (−1).</item>
/// <item><c>breakout_resistance</c>: a level touched at least twice, all its touches before the last bar, that the last
/// close is above while one of the three closes before it was at or below it (+1); <c>breakdown_support</c> the
/// mirror (−1). The highest broken level (or lowest, for a breakdown) is named.</item>
/// </list>
/// </summary>
public static class ChartPatterns
{
    public const int BreakoutLookback = 3;

    public static IReadOnlyList<ChartPattern> Find(
        IReadOnlyList<PriceBar> bars, IReadOnlyList<Pivot> pivots, IReadOnlyList<PriceLevel> levels, double tolerance, double depth)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(pivots);
        ArgumentNullException.ThrowIfNull(levels);
        var found = new List<ChartPattern>();
        if (bars.Count == 0)
        {
            return found;
        }

        var highs = pivots.Where(p => p.Kind == PivotKind.High).OrderBy(p => p.Index).ToList();
        var lows = pivots.Where(p => p.Kind == PivotKind.Low).OrderBy(p => p.Index).ToList();
        var last = bars[^1].Close;

        if (highs.Count >= 2 && Double(highs[^2], highs[^1], lows, tolerance, depth, top: true, last) is { } top)
        {
            found.Add(top);
        }

        if (lows.Count >= 2 && Double(lows[^2], lows[^1], highs, tolerance, depth, top: false, last) is { } bottom)
        {
            found.Add(bottom);
        }

        if (highs.Count >= 2 && lows.Count >= 2)
        {
            var (h1, h2, l1, l2) = (highs[^2], highs[^1], lows[^2], lows[^1]);
            var start = Math.Min(h1.Index, l1.Index);
            var end = Math.Max(h2.Index, l2.Index);
            if (h2.Price > h1.Price && l2.Price > l1.Price)
            {
                found.Add(new ChartPattern("higher_highs_higher_lows", start, end, 1,
                    $"Higher highs {F(h1.Price)} → {F(h2.Price)} and higher lows {F(l1.Price)} → {F(l2.Price)} (bars {start}–{end})."));
            }
            else if (h2.Price < h1.Price && l2.Price < l1.Price)
            {
                found.Add(new ChartPattern("lower_highs_lower_lows", start, end, -1,
                    $"Lower highs {F(h1.Price)} → {F(h2.Price)} and lower lows {F(l1.Price)} → {F(l2.Price)} (bars {start}–{end})."));
            }
        }

        var n = bars.Count;
        var broken = levels.Where(l => l.Touches >= 2 && l.LastIndex < n - 1).ToList();
        var up = broken.Where(l => last > l.Price && Recent(bars, c => c <= l.Price)).OrderByDescending(l => l.Price).FirstOrDefault();
        if (up is not null)
        {
            found.Add(new ChartPattern("breakout_resistance", up.FirstIndex, n - 1, 1,
                $"Close {F(last)} broke above resistance {F(up.Price)} ({up.Touches} touches) within the last {BreakoutLookback + 1} bars."));
        }

        var down = broken.Where(l => last < l.Price && Recent(bars, c => c >= l.Price)).OrderBy(l => l.Price).FirstOrDefault();
        if (down is not null)
        {
            found.Add(new ChartPattern("breakdown_support", down.FirstIndex, n - 1, -1,
                $"Close {F(last)} broke below support {F(down.Price)} ({down.Touches} touches) within the last {BreakoutLookback + 1} bars."));
        }

        return found;
    }

    private static ChartPattern? Double(Pivot first, Pivot second, List<Pivot> between, double tolerance, double depth, bool top, double last)
    {
        var outer = top ? Math.Max(first.Price, second.Price) : Math.Min(first.Price, second.Price);
        var inner = top ? Math.Min(first.Price, second.Price) : Math.Max(first.Price, second.Price);
        if (Math.Abs(first.Price - second.Price) > tolerance * outer)
        {
            return null;
        }

        var middle = between.Where(p => p.Index > first.Index && p.Index < second.Index).ToList();
        if (middle.Count == 0)
        {
            return null;
        }

        var neck = top ? middle.Min(p => p.Price) : middle.Max(p => p.Price);
        var deep = top ? neck <= inner * (1 - depth) : neck >= inner * (1 + depth);
        var confirmed = top ? last < inner : last > inner;
        if (!deep || !confirmed)
        {
            return null;
        }

        return top
            ? new ChartPattern("double_top", first.Index, second.Index, -1,
                $"Double top at {F(first.Price)} and {F(second.Price)} (bars {first.Index} and {second.Index}), neckline {F(neck)}.")
            : new ChartPattern("double_bottom", first.Index, second.Index, 1,
                $"Double bottom at {F(first.Price)} and {F(second.Price)} (bars {first.Index} and {second.Index}), neckline {F(neck)}.");
    }

    private static bool Recent(IReadOnlyList<PriceBar> bars, Func<double, bool> before)
    {
        for (var j = 1; j <= BreakoutLookback && bars.Count - 1 - j >= 0; j++)
        {
            if (before(bars[bars.Count - 1 - j].Close))
            {
                return true;
            }
        }

        return false;
    }

    public static string F(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
