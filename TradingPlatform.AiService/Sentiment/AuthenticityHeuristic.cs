namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// A heuristic, not a model and not a fact check: how much a text reads like news rather than a pump. It starts at 1
/// and subtracts, clamped to 0..1:
/// no source 0.2; shouting (over half of the letters upper case, in a text of at least 20 letters) 0.25;
/// 0.07 per exclamation mark, at most 0.25; 0.2 per pump phrase (<see cref="PumpPhrases"/>), at most 0.6;
/// 0.1 per rocket, gem, fire or money-bag emoji, at most 0.2.
/// </summary>
public static class AuthenticityHeuristic
{
    public const double MissingSource = 0.2;
    public const double Shouting = 0.25;
    public const double PerExclamation = 0.07;
    public const double MaxExclamation = 0.25;
    public const double PerPumpPhrase = 0.2;
    public const double MaxPumpPhrases = 0.6;
    public const double PerHypeEmoji = 0.1;
    public const double MaxHypeEmoji = 0.2;

    /// <summary>Matched case-insensitively, each counted once.</summary>
    public static IReadOnlyList<string> PumpPhrases { get; } =
    [
        "guaranteed", "to the moon", "100x", "1000x", "10x gains", "can't lose", "cannot lose", "risk-free", "risk free",
        "get rich", "buy now", "act now", "last chance", "don't miss", "next bitcoin", "insider tip", "double your money",
        "lambo", "pump it", "easy money", "once in a lifetime",
    ];

    private static readonly string[] HypeEmoji = ["\U0001F680", "\U0001F48E", "\U0001F525", "\U0001F4B0"];

    public static AuthenticityAssessment Assess(string text, string? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var score = 1.0;
        var signals = new List<string>();
        if (string.IsNullOrWhiteSpace(source))
        {
            score -= MissingSource;
            signals.Add("no source");
        }

        var letters = text.Count(char.IsLetter);
        if (letters >= 20 && text.Count(char.IsUpper) > letters / 2.0)
        {
            score -= Shouting;
            signals.Add("mostly upper case");
        }

        var exclamations = text.Count(c => c == '!');
        if (exclamations > 0)
        {
            score -= Math.Min(MaxExclamation, exclamations * PerExclamation);
            signals.Add($"{exclamations} exclamation mark{(exclamations == 1 ? "" : "s")}");
        }

        var phrases = PumpPhrases.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (phrases.Length > 0)
        {
            score -= Math.Min(MaxPumpPhrases, phrases.Length * PerPumpPhrase);
            signals.Add($"pump phrases: {string.Join(", ", phrases)}");
        }

        var emoji = HypeEmoji.Sum(e => Occurrences(text, e));
        if (emoji > 0)
        {
            score -= Math.Min(MaxHypeEmoji, emoji * PerHypeEmoji);
            signals.Add($"{emoji} hype emoji");
        }

        return new AuthenticityAssessment(Math.Clamp(score, 0, 1), signals);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
