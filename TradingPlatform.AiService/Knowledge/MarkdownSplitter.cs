using System.Text;
using System.Text.RegularExpressions;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// Splits a markdown document by its headings (# to ####): a passage is the text under one heading up to the next
/// heading of any of those levels. Lines inside fenced code blocks are never headings (a shell comment is not one), and
/// a section longer than the limit is cut into chunks at block boundaries that keep the heading and anchor; a code block
/// is never cut. Text before the first heading is a passage with the file's name as its heading and no anchor.
/// </summary>
public static partial class MarkdownSplitter
{
    public static IReadOnlyList<KnowledgePassage> Split(string path, string markdown, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var anchors = new GitHubAnchors();
        var passages = new List<KnowledgePassage>();
        var heading = System.IO.Path.GetFileName(path);
        var anchor = "";
        var body = new List<string>();
        string? fence = null;

        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (fence is null)
            {
                var match = Heading().Match(line);
                if (match.Success)
                {
                    Flush();
                    heading = GitHubAnchors.Rendered(match.Groups[2].Value);
                    anchor = anchors.Next(match.Groups[2].Value);
                    continue;
                }

                fence = FenceOpening(line);
            }
            else if (IsFenceClosing(line, fence))
            {
                fence = null;
            }

            body.Add(raw.TrimEnd('\r'));
        }

        Flush();
        return passages;

        void Flush()
        {
            foreach (var chunk in Chunks(Blocks(body), maxChars))
            {
                passages.Add(new KnowledgePassage(path, heading, anchor, chunk));
            }

            body.Clear();
        }
    }

    /// <summary>Paragraphs (split at blank lines) and whole fenced code blocks, blank lines inside them included.</summary>
    private static List<string> Blocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        string? fence = null;
        foreach (var line in lines)
        {
            if (fence is null && string.IsNullOrWhiteSpace(line))
            {
                Close();
                continue;
            }

            if (fence is null)
            {
                fence = FenceOpening(line);
                if (fence is not null)
                {
                    Close();
                }
            }
            else if (IsFenceClosing(line, fence))
            {
                current.Append(line).Append('\n');
                fence = null;
                Close();
                continue;
            }

            current.Append(line).Append('\n');
        }

        Close();
        return blocks;

        void Close()
        {
            var block = current.ToString().TrimEnd();
            if (block.Trim().Length > 0)
            {
                blocks.Add(block);
            }

            current.Clear();
        }
    }

    /// <summary>Blocks joined up to <paramref name="maxChars"/>; an overlong paragraph is cut at lines or words, a code block never.</summary>
    private static IEnumerable<string> Chunks(List<string> blocks, int maxChars)
    {
        var chunk = new StringBuilder();
        foreach (var block in blocks.SelectMany(b => FenceOpening(b.Split('\n')[0]) is null ? Pieces(b, maxChars) : [b]))
        {
            if (chunk.Length > 0 && chunk.Length + 2 + block.Length > maxChars)
            {
                yield return chunk.ToString();
                chunk.Clear();
            }

            if (chunk.Length > 0)
            {
                chunk.Append("\n\n");
            }

            chunk.Append(block);
        }

        if (chunk.Length > 0)
        {
            yield return chunk.ToString();
        }
    }

    private static IEnumerable<string> Pieces(string paragraph, int maxChars)
    {
        var rest = paragraph;
        while (rest.Length > maxChars)
        {
            var cut = rest.LastIndexOf('\n', maxChars);
            if (cut <= 0)
            {
                cut = rest.LastIndexOf(' ', maxChars);
            }

            if (cut <= 0)
            {
                cut = maxChars;
            }

            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    /// <summary>The fence (``` or ~~~, three or more) that <paramref name="line"/> opens, or null.</summary>
    private static string? FenceOpening(string line)
    {
        var match = Fence().Match(line);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>A closing fence: the same character, at least as long, nothing after it.</summary>
    private static bool IsFenceClosing(string line, string fence)
    {
        var match = Fence().Match(line);
        return match.Success && match.Groups[1].Value[0] == fence[0] && match.Groups[1].Value.Length >= fence.Length
            && match.Groups[2].Value.Trim().Length == 0;
    }

    [GeneratedRegex(@"^ {0,3}(#{1,4})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})(.*)$")]
    private static partial Regex Fence();
}
