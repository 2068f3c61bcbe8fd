namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// The project knowledge base's retrieval: the platform's own documentation (README, docs/, one passage per OpenAPI
/// operation, the configuration reference) split by headings, searched lexically and densely and fused. The project
/// chat answers from what this returns and cites it.
/// </summary>
public interface IKnowledgeSearch
{
    /// <summary>The best passages for <paramref name="query"/>, best first, at most <paramref name="limit"/>; empty when none is relevant.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>Every indexed passage (a few hundred), for the chat's suggested questions; waits for the first index.</summary>
    Task<IReadOnlyList<KnowledgePassage>> PassagesAsync(CancellationToken cancellationToken);
}

/// <summary>One passage: the section under one heading of one source, as a reader would cite it.</summary>
/// <param name="Path">The source's path in the repository (<c>README.md</c>, <c>docs/backtesting-metrics.md</c>, <c>openapi/v1.json</c>).</param>
/// <param name="Heading">The heading's text (for an operation: its method, path and summary).</param>
/// <param name="Anchor">The GitHub-style anchor of the heading (for an operation: its operation id).</param>
/// <param name="Text">The passage's text, without the heading.</param>
public sealed record KnowledgePassage(string Path, string Heading, string Anchor, string Text);

/// <summary>A passage found for a query, with its fused score (higher is better).</summary>
public sealed record KnowledgeHit(KnowledgePassage Passage, double Score);
