using System.Globalization;

namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// The analysis of one series, pure: trend (<see cref="TrendMeasure"/>), levels (<see cref="Pivots"/>), patterns
/// (<see cref="ChartPatterns"/>), and a signed score from the part the analysis type asks about:
/// <list type="bullet">
/// <item><c>trend</c>: the trend's score (±R², 0 sideways), averaged with the model's 2·P(up)−1 when a model serves the series;</item>
/// <item><c>support_resistance</c>: a breakout above (below) a level scores +(−) min(1, 0.25 × touches); else a close
/// within <see cref="NearPercent"/> % under a resistance scores −min(1, 0.25 × touches), over a support +; else 0;</item>
/// <item><c>pattern</c>: 0.4 × the sum of the patterns' biases, clamped to −1..1;</item>
/// <item><c>sentiment</c>: the decayed news score × min(1, items / 3); no news 0.</item>
/// </list>
/// The signal is <c>buy</c> at a score of at least <see cref="SignalBand"/>, <c>sell</c> at most −<see cref="SignalBand"/>,
/// else <c>hold</c>; the confidence is |score|.
/// </summary>
public static class MarketAnalyzer
{
    public const double NearPercent = 0.3;
    public const double SignalBand = 0.2;

    public static MarketAnalysis Analyze(
        IReadOnlyList<PriceBar> bars, string type, int pivotWidth, double tolerance, double depth,
        double? modelProbabilityUp, (double? Score, string? Label, int Count) sentiment)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(bars.Count, 1);
        var last = bars[^1].Close;
        var trend = bars.Count >= 2 ? TrendMeasure.Of(bars.Select(b => b.Close).ToList()) : null;
        var pivots = Pivots.Find(bars, pivotWidth);
        var levels = Pivots.Cluster(pivots, tolerance);
        var support = levels.Where(l => l.Price < last).OrderByDescending(l => l.Price).ToList();
        var resistance = levels.Where(l => l.Price > last).OrderBy(l => l.Price).ToList();
        var patterns = ChartPatterns.Find(bars, pivots, levels, tolerance, depth);

        var reasons = new List<string>();
        double score;
        switch (type)
        {
            case AnalysisTypes.Trend:
                score = trend?.Score ?? 0;
                if (modelProbabilityUp is { } p)
                {
                    score = (score + ((2 * p) - 1)) / 2;
                }

                break;
            case AnalysisTypes.SupportResistance:
                score = LevelScore(last, support, resistance, patterns);
                break;
            case AnalysisTypes.Pattern:
                score = Math.Clamp(0.4 * patterns.Sum(x => x.Bias), -1, 1);
                break;
            default:
                score = sentiment.Score is { } s ? s * Math.Min(1, sentiment.Count / 3.0) : 0;
                break;
        }

        var signal = score >= SignalBand ? "buy" : score <= -SignalBand ? "sell" : "hold";
        var confidence = Math.Round(Math.Min(1, Math.Abs(score)), 4);

        if (resistance.FirstOrDefault() is { } r)
        {
            reasons.Add($"price {F(last)} is {P(100 * (r.Price - last) / last)} % below resistance {F(r.Price)} ({r.Touches} touches)");
        }

        if (support.FirstOrDefault() is { } su)
        {
            reasons.Add($"price {F(last)} is {P(100 * (last - su.Price) / last)} % above support {F(su.Price)} ({su.Touches} touches)");
        }

        if (trend is not null)
        {
            reasons.Add($"trend {trend.Direction}: the regression line changes {P(trend.ChangePercent)} % over {bars.Count} bars, R² {P(trend.RSquared)}");
        }

        if (modelProbabilityUp is { } up)
        {
            reasons.Add($"the active N-BEATS model gives P(up) {P(up)}");
        }

        reasons.AddRange(patterns.Select(x => x.Description.TrimEnd('.')));
        if (sentiment.Score is { } ss)
        {
            reasons.Add($"news sentiment {P(ss)} ({sentiment.Label}, {sentiment.Count} items)");
        }

        var reasoning = $"{signal} on {type} (score {P(score)}, confidence {P(confidence)}): {string.Join("; ", reasons)}.";
        return new MarketAnalysis(last, trend, modelProbabilityUp, support, resistance, patterns, sentiment.Score, sentiment.Label, sentiment.Count,
            signal, confidence, reasoning);
    }

    private static double LevelScore(double last, List<PriceLevel> support, List<PriceLevel> resistance, IReadOnlyList<ChartPattern> patterns)
    {
        if (patterns.FirstOrDefault(p => p.Name == "breakout_resistance") is { } up)
        {
            return Math.Min(1, 0.25 * Touches(up, support.Concat(resistance)));
        }

        if (patterns.FirstOrDefault(p => p.Name == "breakdown_support") is { } down)
        {
            return -Math.Min(1, 0.25 * Touches(down, support.Concat(resistance)));
        }

        if (resistance.FirstOrDefault() is { } r && 100 * (r.Price - last) / last <= NearPercent)
        {
            return -Math.Min(1, 0.25 * r.Touches);
        }

        if (support.FirstOrDefault() is { } s && 100 * (last - s.Price) / last <= NearPercent)
        {
            return Math.Min(1, 0.25 * s.Touches);
        }

        return 0;
    }

    private static int Touches(ChartPattern pattern, IEnumerable<PriceLevel> levels) =>
        levels.FirstOrDefault(l => l.FirstIndex == pattern.StartIndex)?.Touches ?? 2;

    private static string F(double value) => ChartPatterns.F(value);

    private static string P(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
