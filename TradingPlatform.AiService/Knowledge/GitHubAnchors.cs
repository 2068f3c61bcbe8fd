using System.Text;
using System.Text.RegularExpressions;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// GitHub's heading anchors (as github-slugger makes them): the rendered text lower-cased, every character that is not
/// a letter, a digit, a space, '-' or '_' dropped, spaces turned into '-'; the second heading with the same anchor in
/// one document gets '-1', the third '-2'. One instance per document.
/// </summary>
public sealed partial class GitHubAnchors
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The anchor of the next heading of the document, counting the ones already made.</summary>
    public string Next(string heading)
    {
        var slug = Slug(heading);
        var anchor = slug;
        if (_seen.TryGetValue(slug, out var count))
        {
            do
            {
                anchor = $"{slug}-{count++}";
            }
            while (_seen.ContainsKey(anchor));

            _seen[slug] = count;
        }
        else
        {
            _seen[slug] = 1;
        }

        _seen.TryAdd(anchor, 1);
        return anchor;
    }

    /// <summary>The anchor of one heading, ignoring duplicates.</summary>
    public static string Slug(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var text = Rendered(heading).ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The heading as GitHub renders it: links as their text, images as their alt text, no HTML tags.</summary>
    public static string Rendered(string heading) =>
        HtmlTag().Replace(Link().Replace(heading, "$1"), "").Trim();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();
}
