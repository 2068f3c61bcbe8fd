namespace TradingPlatform.AiService.News;

/// <summary>
/// The time-decayed sentiment of a set of news items as of a moment <c>t</c>:
/// <code>
///   w_i   = 2^(−a_i / H) = exp(−ln 2 · a_i / H),   a_i = max(0, t − publishedAt_i),   H = News:SentimentHalfLife
///   score = Σ w_i · s_i / Σ w_i                   (s_i = the item's sentiment, −1..1)
/// </code>
/// a weighted mean, so the score stays in −1..1 however many items there are; an item one half-life old counts half as
/// much as a fresh one, two half-lives a quarter. <see cref="Weight"/> = Σ w_i is the number of fresh items the window
/// is worth. No items: no score.
/// </summary>
public readonly record struct SentimentDecay(double? Score, double Weight, int Count)
{
    public static SentimentDecay Of(IEnumerable<(DateTimeOffset PublishedAt, double Score)> items, DateTimeOffset asOf, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        double weighted = 0, total = 0;
        var count = 0;
        foreach (var (publishedAt, score) in items)
        {
            var age = Math.Max(0, (asOf - publishedAt).TotalSeconds);
            var weight = Math.Pow(2, -age / halfLife.TotalSeconds);
            weighted += weight * score;
            total += weight;
            count++;
        }

        return new SentimentDecay(count == 0 || total == 0 ? null : weighted / total, total, count);
    }

    /// <summary><c>positive</c> above 0.15, <c>negative</c> below −0.15, <c>neutral</c> between; null without a score.</summary>
    public string? Label => Score switch
    {
        null => null,
        > 0.15 => "positive",
        < -0.15 => "negative",
        _ => "neutral",
    };
}
