using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;
using OpenAIChatModelFactory = OpenAI.Chat.OpenAIChatModelFactory;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// The embedded, offline answerer, registered as Semantic Kernel's <see cref="IChatCompletionService"/> so that the chat
/// runs the same pipeline with or without a configured model. It reads the numbered passages and the question from the
/// last user message (<see cref="ChatPrompt"/>), splits the passages into sentences, scores each sentence by MiniLM's
/// cosine similarity to the question, and answers with the best ones (at most <see cref="MaxSentences"/>, each at least
/// <see cref="MinSimilarity"/>), each followed by its passage's citation [n]. When no sentence reaches the threshold it says
/// the passages do not answer the question. It reports its usage in the message metadata under <c>Usage</c> as the
/// OpenAI connector does (a <see cref="ChatTokenUsage"/>): the prompt's and the answer's BERT word pieces
/// (<see cref="ChatTokenCounter"/>).
/// </summary>
internal sealed partial class ExtractiveChatCompletionService(ChatSentenceEncoder encoder, ChatTokenCounter tokens) : IChatCompletionService
{
    public const string ModelName = "extractive";
    public const string ModelVersion = "1";

    /// <summary>Below this cosine similarity to the question a sentence is not taken as answering it (MiniLM's unrelated sentences score about 0–0.2).</summary>
    public const double MinSimilarity = 0.3;

    public const int MaxSentences = 3;

    /// <summary>A chosen sentence must score within this of the best one, so that a strong answer is not padded with weak ones.</summary>
    private const double WithinBest = 0.2;

    public const string NotAnswered = "The documentation passages found do not answer this question.";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [Microsoft.SemanticKernel.Services.AIServiceExtensions.ModelIdKey] = ModelName };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var (answer, usage) = Answer(chatHistory, cancellationToken);
        IReadOnlyList<ChatMessageContent> messages = [new ChatMessageContent(AuthorRole.Assistant, answer, ModelName, metadata: Metadata(usage))];
        return Task.FromResult(messages);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var (answer, usage) = await Task.Run(() => Answer(chatHistory, cancellationToken), cancellationToken);
        // One chunk per sentence, as a model streams; the usage comes with the last chunk, as OpenAI's does.
        var chunks = SentenceEnd().Split(answer).Where(c => c.Length > 0).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var text = i + 1 < chunks.Count ? chunks[i] + " " : chunks[i];
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, text, modelId: ModelName, metadata: i + 1 == chunks.Count ? Metadata(usage) : null);
        }
    }

    private (string Answer, ChatTokenUsage Usage) Answer(ChatHistory history, CancellationToken cancellationToken)
    {
        var (passages, question) = ChatPrompt.Read(history);
        var answer = Compose(passages, question, cancellationToken);
        var prompt = history.Sum(m => (long)tokens.Count(m.Content ?? ""));
        var completion = tokens.Count(answer);
        return (answer, OpenAIChatModelFactory.ChatTokenUsage(outputTokenCount: completion, inputTokenCount: (int)prompt, totalTokenCount: (int)prompt + completion));
    }

    private string Compose(IReadOnlyList<(int Number, string Text)> passages, string question, CancellationToken cancellationToken)
    {
        if (passages.Count == 0)
        {
            return ChatPrompt.NotCovered;
        }

        var sentences = passages.SelectMany(p => Sentences(p.Text).Select(s => (p.Number, Text: s))).ToList();
        if (sentences.Count == 0 || question.Length == 0)
        {
            return NotAnswered;
        }

        var embeddings = encoder.Encode([question, .. sentences.Select(s => s.Text)], cancellationToken);
        var scored = sentences.Select((s, i) => (s.Number, s.Text, Score: Dot(embeddings[0], embeddings[i + 1])))
            .Where(s => s.Score >= MinSimilarity).OrderByDescending(s => s.Score).ToList();
        if (scored.Count == 0)
        {
            return NotAnswered;
        }

        var best = scored[0].Score;
        var chosen = scored.Where(s => s.Score >= best - WithinBest).DistinctBy(s => s.Text).Take(MaxSentences);
        var answer = new StringBuilder();
        foreach (var (number, text, _) in chosen)
        {
            if (answer.Length > 0)
            {
                answer.Append(' ');
            }

            var trimmed = text.TrimEnd();
            var end = trimmed.Length > 0 && ".!?:".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed[^1].ToString() : ".";
            answer.Append(trimmed.TrimEnd('.', '!', '?', ':')).Append(" [").Append(number).Append(']').Append(end);
        }

        return answer.ToString();
    }

    /// <summary>The passage's sentences: split after . ! ? and at line breaks (list items, table rows), markdown markers removed.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        LineBreak().Split(text)
            .Select(line => ListMarker().Replace(line, "").Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('|') && !line.StartsWith("```", StringComparison.Ordinal))
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(s => s.Trim())
            .Where(s => s.Count(char.IsLetter) >= 12);

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static Dictionary<string, object?> Metadata(ChatTokenUsage usage) => new() { ["Usage"] = usage };

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(\[])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+\.|#+)\s+")]
    private static partial Regex ListMarker();
}
