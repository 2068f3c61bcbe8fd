using System.Text.Json;
using Microsoft.SemanticKernel.ChatCompletion;
using TradingPlatform.AiService.Costs;

namespace TradingPlatform.AiService.Chat.ConfigReview;

/// <summary>
/// Has the configured model review the Worker's rule-engine suggestions (metered as <see cref="AiFeatures.ConfigReview"/>):
/// it may rewrite each suggestion's reasoning and expected effect from the figures, raise or lower its confidence, or drop
/// it. Its answer is validated before it is used: only the request's keys count (others are ignored), the setting, the
/// target and the values are always the request's (an entry that changed them is dropped), a confidence outside 0..1
/// keeps the request's. No model configured: 409 <c>no_model</c> (the Worker keeps its rule engine's text). A model that
/// fails, or answers no JSON of the asked shape, is a 503 or 502.
/// </summary>
internal sealed partial class ConfigReviewer(ChatKernel chat, ILogger<ConfigReviewer> logger)
{
    public const string SystemPrompt =
        "You review configuration suggestions for a user's paper-trading strategies and accounts. Each suggestion has a key, a " +
        "setting, the current and proposed values, the rule engine's reasoning and expected effect, and a confidence from 0 to 1; " +
        "the figures are the user's measured results. For each suggestion you keep, rewrite the reasoning and the expected effect " +
        "in two or three plain sentences that quote the figures, and set a confidence from 0 to 1. Drop a suggestion that the " +
        "figures do not support by leaving it out. Never change a setting or a value, and never add a suggestion. Answer with JSON " +
        "only, in this shape: {\"suggestions\":[{\"key\":\"...\",\"reasoning\":\"...\",\"expectedEffect\":\"...\",\"confidence\":0.7}]}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Reviewed(string? Key, string? Setting, string? CurrentValue, string? ProposedValue, string? Reasoning, string? ExpectedEffect, double? Confidence);

    private sealed record ReviewAnswer(List<Reviewed?>? Suggestions);

    public static ChatFailure NoModel { get; } = new(StatusCodes.Status409Conflict, "no_model",
        "No model is configured (Llm:Endpoint): there is nothing to review the suggestions with; keep the rule engine's text.");

    public async Task<(ConfigReviewResponse? Review, ChatFailure? Failure)> ReviewAsync(ConfigReviewRequest request, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!chat.HasModel)
        {
            return (null, NoModel);
        }

        var history = new ChatHistory(SystemPrompt);
        history.AddUserMessage(JsonSerializer.Serialize(new { suggestions = request.Suggestions, figures = request.Figures ?? new Dictionary<string, double>() }, Json));
        var (kernel, call) = chat.Begin(AiFeatures.ConfigReview, userId, offline: false);
        string content;
        try
        {
            content = (await ChatKernel.CompleteAsync(kernel, history, settings: null, offline: false, cancellationToken)).Content ?? "";
        }
        catch (Exception exception) when (ChatModelFailures.Classify(exception, cancellationToken) is { } failure)
        {
            LogFailed(logger, exception, failure.Status);
            return (null, failure);
        }

        if (Parse(content) is not { } answer)
        {
            return (null, ChatModelFailures.BadGateway("The configured model's review is not the JSON it was asked for."));
        }

        var sent = request.Suggestions!.ToDictionary(s => s.Key!, StringComparer.Ordinal);
        var kept = new List<ConfigSuggestionItem>();
        foreach (var reviewed in answer.Suggestions ?? [])
        {
            if (reviewed?.Key is not { } key || !sent.TryGetValue(key, out var original) || kept.Any(k => k.Key == key)
                || Changed(reviewed.Setting, original.Setting) || Changed(reviewed.CurrentValue, original.CurrentValue)
                || Changed(reviewed.ProposedValue, original.ProposedValue))
            {
                continue;
            }

            kept.Add(original with
            {
                Reasoning = Text(reviewed.Reasoning) ?? original.Reasoning,
                ExpectedEffect = Text(reviewed.ExpectedEffect) ?? original.ExpectedEffect,
                Confidence = reviewed.Confidence is { } c && double.IsFinite(c) && c is >= 0 and <= 1 ? Math.Round(c, 4) : original.Confidence,
            });
        }

        // In the request's order, whatever order the model answered in.
        var order = request.Suggestions!.Select((s, i) => (s.Key, i)).ToDictionary(p => p.Key!, p => p.i, StringComparer.Ordinal);
        return (new ConfigReviewResponse([.. kept.OrderBy(k => order[k.Key!])], call.Model), null);
    }

    /// <summary>A value the model echoed differently from the request (an echo is optional: left out is not a change).</summary>
    private static bool Changed(string? echoed, string? original) => echoed is not null && !string.Equals(echoed.Trim(), original?.Trim(), StringComparison.Ordinal);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, ConfigReviewValidation.MaxTextLength)];

    /// <summary>The JSON object in the answer (models often wrap it in a code fence or a sentence).</summary>
    private static ReviewAnswer? Parse(string content)
    {
        var start = content.IndexOf('{', StringComparison.Ordinal);
        var end = content.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ReviewAnswer>(content[start..(end + 1)], Json) is { Suggestions: not null } answer ? answer : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured model failed to review configuration suggestions ({Status}).")]
    private static partial void LogFailed(ILogger logger, Exception exception, int status);
}
