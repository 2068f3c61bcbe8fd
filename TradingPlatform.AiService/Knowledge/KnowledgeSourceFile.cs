using System.Security.Cryptography;
using System.Text;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>One shipped source: its repository path, its content and the content's SHA-256.</summary>
public sealed record KnowledgeSourceFile(string Path, string Content, string Sha256)
{
    /// <summary>The markdown (*.md) and OpenAPI (*.json) files under <paramref name="directory"/>, paths relative to it with '/'.</summary>
    public static IReadOnlyList<KnowledgeSourceFile> ReadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(f => Read(System.IO.Path.GetRelativePath(directory, f).Replace('\\', '/'), f))
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The passages of this source: one per OpenAPI operation for *.json, by headings for markdown.</summary>
    public IReadOnlyList<KnowledgePassage> Split(int maxPassageChars) =>
        Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? OpenApiPassages.Split(Path, Content)
            : MarkdownSplitter.Split(Path, Content, maxPassageChars);

    private static KnowledgeSourceFile Read(string path, string file)
    {
        var bytes = File.ReadAllBytes(file);
        return new KnowledgeSourceFile(path, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
