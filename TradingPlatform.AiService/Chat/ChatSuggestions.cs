using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// Questions to propose, drawn from the knowledge base's headings and the caller's own data: a user with backtests is
/// offered questions on the sections about backtests, one with strategies on strategies, one with leveraged open positions
/// on leverage, margin and liquidation; then questions on the documentation's other sections (README's first). Each
/// question names its section, so it is one the chat can answer.
/// </summary>
internal sealed class ChatSuggestions(IServiceProvider services, AiDbContext db)
{
    public const int Count = 6;

    private sealed record Activity(long Backtests, long Strategies, long LeveragedPositions);

    private static readonly (string Topic, string[] Words)[] Topics =
    [
        ("backtests", ["backtest"]),
        ("strategies", ["strateg"]),
        ("leverage", ["leverage", "margin", "liquidat"]),
    ];

    /// <summary>The suggestions; null when no knowledge base is registered (see <see cref="ProjectChat"/>).</summary>
    public async Task<IReadOnlyList<ChatSuggestion>?> SuggestAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (services.GetService<IKnowledgeSearch>() is not { } knowledge)
        {
            return null;
        }

        var passages = (await knowledge.PassagesAsync(cancellationToken))
            .Where(p => p.Heading.Length is > 0 and <= 120).DistinctBy(p => p.Heading.ToUpperInvariant()).ToList();
        var activity = await ActivityAsync(userId, cancellationToken);
        var suggestions = new List<ChatSuggestion>();
        foreach (var (topic, words) in Topics)
        {
            var active = topic switch
            {
                "backtests" => activity.Backtests > 0,
                "strategies" => activity.Strategies > 0,
                _ => activity.LeveragedPositions > 0,
            };
            if (!active)
            {
                continue;
            }

            suggestions.AddRange(passages.Where(p => words.Any(w => p.Heading.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .Where(p => suggestions.All(s => s.Anchor != p.Anchor || s.Path != p.Path)).Take(2).Select(p => Of(p, topic)));
        }

        var general = passages.Where(p => suggestions.All(s => s.Anchor != p.Anchor || s.Path != p.Path))
            .OrderBy(p => p.Path == "README.md" ? 0 : p.Path.StartsWith("docs/", StringComparison.Ordinal) ? 1 : 2)
            .Take(Math.Max(0, Count - suggestions.Count)).Select(p => Of(p, "docs"));
        return [.. suggestions.Take(Count), .. general];
    }

    private static ChatSuggestion Of(KnowledgePassage passage, string topic)
    {
        var question = passage.Path.StartsWith("openapi", StringComparison.Ordinal)
            ? $"How do I use {passage.Heading}?"
            : $"What does the documentation say about {passage.Heading.Trim().TrimEnd('.', ':')}?";
        return new ChatSuggestion(question, topic, passage.Path, passage.Heading, passage.Anchor);
    }

    /// <summary>The caller's backtests, strategies and leveraged open positions, counted on the Api's trading schema.</summary>
    private async Task<Activity> ActivityAsync(Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await db.Database.SqlQuery<Activity>($"""
                SELECT (SELECT count(*) FROM trading.backtests b WHERE b."OwnerId" = {userId}) AS "Backtests",
                       (SELECT count(*) FROM trading.strategies s WHERE s."OwnerId" = {userId} AND s."DeletedAt" IS NULL) AS "Strategies",
                       (SELECT count(*) FROM trading.positions p JOIN trading.accounts a ON a."Id" = p."AccountId"
                        WHERE a."OwnerId" = {userId} AND p."ClosedAt" IS NULL AND p."Margin" > 0
                          AND p."Quantity" * p."EntryPrice" > p."Margin" * 1.01) AS "LeveragedPositions"
                """).ToListAsync(cancellationToken);
            return rows[0];
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The Api has not migrated the trading schema yet: the caller has nothing there to ask about.
            return new Activity(0, 0, 0);
        }
    }
}
