using System.Globalization;
using System.Text.RegularExpressions;

namespace TradingPlatform.AiService.News;

/// <summary>A window of <c>GET /api/sentiment</c>: a count and a unit, <c>m</c>, <c>h</c> or <c>d</c> (seed 003: 1h, 4h, 1d), from 1 minute to 7 days.</summary>
public readonly partial record struct SentimentWindow(string Text, TimeSpan Length)
{
    public static readonly TimeSpan Min = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    public static bool TryParse(string? text, out SentimentWindow window)
    {
        window = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var length = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "m" => TimeSpan.FromMinutes(count),
            "h" => TimeSpan.FromHours(count),
            _ => TimeSpan.FromDays(count),
        };
        if (length < Min || length > Max)
        {
            return false;
        }

        window = new SentimentWindow($"{count}{match.Groups[2].Value.ToLowerInvariant()}", length);
        return true;
    }

    [GeneratedRegex(@"^(\d{1,5})([mhdMHD])$")]
    private static partial Regex Pattern();
}
