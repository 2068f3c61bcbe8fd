using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>
/// A small stand-in for the knowledge base (which its own tests cover): a few passages about the platform, found by the
/// content words they share with the query (none shared: no hit, as the real one answers nothing relevant).
/// </summary>
internal sealed class TestKnowledge : IKnowledgeSearch
{
    public static readonly KnowledgePassage Sharpe = new("docs/backtesting-metrics.md", "Sharpe ratio", "sharpe-ratio",
        "The Sharpe ratio of a backtest is the mean of the per-bar returns minus the risk-free rate, divided by their standard deviation, annualised by the bars per year. " +
        "A backtest with fewer than two bars has no Sharpe ratio.");

    public static readonly KnowledgePassage Drawdown = new("docs/backtesting-metrics.md", "Maximum drawdown", "maximum-drawdown",
        "The maximum drawdown is the largest fall of the equity curve from a previous peak, as a percentage of that peak. " +
        "It is measured on the equity after fees.");

    public static readonly KnowledgePassage Leverage = new("README.md", "Leverage and liquidation", "leverage-and-liquidation",
        "Each account has a maximum leverage, 10 by default. A position's margin is its notional value divided by its leverage. " +
        "A leveraged position is liquidated when its loss reaches its margin, at the liquidation price shown with the position.");

    public static readonly KnowledgePassage Orders = new("openapi/v1.json", "POST /api/orders Place an order", "PlaceOrder",
        "Places a paper order: market, limit, stop, stop-limit or trailing stop, with an optional client order id that makes retries idempotent.");

    public static IReadOnlyList<KnowledgePassage> All { get; } = [Sharpe, Drawdown, Leverage, Orders];

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "which", "when", "where", "does", "with", "that", "this", "from", "have", "about", "there", "their", "your", "tell",
        "much", "many", "into", "then", "than", "they", "them", "will", "would", "could", "should", "platform", "documentation",
    };

    public Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var words = Words(query);
        IReadOnlyList<KnowledgeHit> hits = [.. All.Select(p => new KnowledgeHit(p, Words(p.Heading + " " + p.Text).Intersect(words).Count()))
            .Where(h => h.Score > 0).OrderByDescending(h => h.Score).Take(limit)];
        return Task.FromResult(hits);
    }

    public Task<IReadOnlyList<KnowledgePassage>> PassagesAsync(CancellationToken cancellationToken) => Task.FromResult(All);

    private static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[])[' ', '.', ',', '?', '!', ':', ';', '(', ')', '\'', '"', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && !StopWords.Contains(w))];
}
