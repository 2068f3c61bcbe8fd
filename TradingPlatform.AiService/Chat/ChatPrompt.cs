using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel.ChatCompletion;
using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// The chat history one question is answered from: the system prompt, the conversation's last messages, and the
/// question with the retrieved passages numbered [1]..[n] (and the caller's context, when sent). The offline answerer
/// reads the passages and the question back out of that last message (<see cref="Read"/>), so the format lives here once.
/// </summary>
internal static partial class ChatPrompt
{
    public const string SystemPrompt =
        "You are the TradingPlatform project assistant. Answer the user's question only from the numbered documentation passages " +
        "in their message. Cite every statement with the number of the passage it comes from, as [1] or [2]. If the passages do " +
        "not answer the question, say that the documentation does not cover it; never invent an answer. When tools are offered, " +
        "you may call them to read the user's own positions, orders, quotes, backtests and forecasts; they cannot change anything. " +
        "Answer briefly.";

    public const string NotCovered = "The platform's documentation does not cover this question.";

    private const string PassagesHeader = "Documentation passages:";
    private const string QuestionHeader = "Question:";
    private const string ContextHeader = "The user's context (JSON):";

    public static ChatHistory Build(IReadOnlyList<ChatTurn> earlier, IReadOnlyList<KnowledgeHit> hits, string question, string? context)
    {
        var history = new ChatHistory(SystemPrompt);
        foreach (var turn in earlier)
        {
            history.AddMessage(turn.Role == ChatTurn.Assistant ? AuthorRole.Assistant : AuthorRole.User, turn.Content);
        }

        var message = new StringBuilder();
        message.AppendLine(PassagesHeader);
        for (var i = 0; i < hits.Count; i++)
        {
            var passage = hits[i].Passage;
            message.Append('[').Append(i + 1).Append("] ").Append(passage.Heading).Append(" (").Append(passage.Path).Append('#').Append(passage.Anchor).AppendLine(")");
            message.AppendLine(passage.Text.Trim());
            message.AppendLine();
        }

        if (context is not null)
        {
            message.AppendLine(ContextHeader).AppendLine(context).AppendLine();
        }

        message.AppendLine(QuestionHeader).Append(question);
        history.AddUserMessage(message.ToString());
        return history;
    }

    /// <summary>The passages (number, text) and the question of the history's last user message; no passages when it holds none.</summary>
    public static (IReadOnlyList<(int Number, string Text)> Passages, string Question) Read(ChatHistory history)
    {
        var last = history.LastOrDefault(m => m.Role == AuthorRole.User)?.Content ?? "";
        var questionAt = last.LastIndexOf(QuestionHeader, StringComparison.Ordinal);
        var question = questionAt < 0 ? last.Trim() : last[(questionAt + QuestionHeader.Length)..].Trim();
        if (!last.StartsWith(PassagesHeader, StringComparison.Ordinal) || questionAt < 0)
        {
            return ([], question);
        }

        var body = last[PassagesHeader.Length..questionAt];
        var contextAt = body.IndexOf(ContextHeader, StringComparison.Ordinal);
        if (contextAt >= 0)
        {
            body = body[..contextAt];
        }

        var passages = new List<(int, string)>();
        var matches = PassageStart().Matches(body);
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : body.Length;
            var start = matches[i].Index + matches[i].Length;
            passages.Add((int.Parse(matches[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), body[start..end].Trim()));
        }

        return (passages, question);
    }

    /// <summary>"[n] heading (path#anchor)" at a line's start; the passage's text follows on the next lines.</summary>
    [GeneratedRegex(@"^\[(\d+)\] [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex PassageStart();
}
