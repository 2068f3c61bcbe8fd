using System.Text;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// The one-line summary: the text's first sentence (up to the first '.', '!' or '?' that ends a word and is followed
/// by white space or the end), white space collapsed, cut at a word boundary to at most <see cref="MaxLength"/>
/// characters with an ellipsis when longer. Extractive: it never says what the text does not.
/// </summary>
public static class SentimentSummary
{
    public const int MaxLength = 140;

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collapsed = Collapse(text);
        var end = collapsed.Length;
        for (var i = 1; i < collapsed.Length; i++)
        {
            if (collapsed[i] is '.' or '!' or '?' && (i + 1 == collapsed.Length || collapsed[i + 1] == ' ')
                && !(collapsed[i] == '.' && IsAbbreviation(collapsed, i)))
            {
                end = i + 1;
                break;
            }
        }

        var sentence = collapsed[..end];
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return (cut > MaxLength / 2 ? sentence[..cut] : sentence[..(MaxLength - 1)]).TrimEnd() + "…";
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 4 * MaxLength));
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            // Enough for any first sentence that the summary keeps whole, and then some.
            if (builder.Length > 64 * MaxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>"U.S.", "Inc.", "Corp." and single capitals ("J. Powell") do not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var start = text.LastIndexOf(' ', dot) + 1;
        var word = text[start..dot];
        return word.Length == 1 && char.IsUpper(word[0])
            || word.Contains('.', StringComparison.Ordinal)
            || word is "Inc" or "Corp" or "Co" or "Ltd" or "Mr" or "Ms" or "Dr" or "St" or "vs" or "approx" or "e.g" or "i.e";
    }
}
