namespace TradingPlatform.AiService.Chat.ConfigReview;

/// <summary>The limits of a review request, checked before the model is asked: every fault named by its field.</summary>
internal static class ConfigReviewValidation
{
    public const int MaxSuggestions = 50;
    public const int MaxFigures = 200;
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 200;
    public const int MaxTextLength = 4000;

    public static Dictionary<string, string[]> Check(ConfigReviewRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Suggestions is not { Count: > 0 } suggestions)
        {
            errors["suggestions"] = ["suggestions is required: 1 or more."];
            return errors;
        }

        if (suggestions.Count > MaxSuggestions)
        {
            errors["suggestions"] = [$"At most {MaxSuggestions} suggestions are reviewed at once; {suggestions.Count} were sent."];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < suggestions.Count; i++)
        {
            var s = suggestions[i];
            var at = $"suggestions[{i}]";
            if (s is null)
            {
                errors[at] = ["A suggestion is required here."];
                continue;
            }

            Text(errors, $"{at}.key", s.Key, MaxNameLength, required: true);
            if (s.Key is { Length: > 0 } key && !keys.Add(key))
            {
                errors[$"{at}.key"] = [$"key '{key}' is sent twice; each suggestion needs its own."];
            }

            Text(errors, $"{at}.setting", s.Setting, MaxNameLength, required: true);
            Text(errors, $"{at}.currentValue", s.CurrentValue, MaxValueLength, required: false);
            Text(errors, $"{at}.proposedValue", s.ProposedValue, MaxValueLength, required: true);
            Text(errors, $"{at}.reasoning", s.Reasoning, MaxTextLength, required: false);
            Text(errors, $"{at}.expectedEffect", s.ExpectedEffect, MaxTextLength, required: false);
            if (s.Confidence is not { } confidence || !double.IsFinite(confidence) || confidence is < 0 or > 1)
            {
                errors[$"{at}.confidence"] = ["confidence is required, from 0 to 1."];
            }
        }

        if (request.Figures is { } figures)
        {
            if (figures.Count > MaxFigures)
            {
                errors["figures"] = [$"At most {MaxFigures} figures are accepted; {figures.Count} were sent."];
            }

            foreach (var (name, value) in figures)
            {
                if (name.Length is 0 or > MaxNameLength)
                {
                    errors["figures"] = [$"A figure's name must have 1 to {MaxNameLength} characters."];
                }
                else if (!double.IsFinite(value))
                {
                    errors[$"figures.{name}"] = ["A figure must be a finite number."];
                }
            }
        }

        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else if (value is { Length: var length } && length > max)
        {
            errors[field] = [$"{field} has {length} characters; at most {max}."];
        }
    }
}
