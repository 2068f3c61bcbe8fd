using TradingPlatform.AiService.Knowledge;

namespace TradingPlatform.AiService.Tests.Knowledge;

public sealed class MarkdownSplitterTests
{
    private const string Document = """
        Intro before any heading.

        # Trading Platform

        The top.

        ## What `./run.sh` starts

        It starts things.

        ```bash
        # not a heading: a shell comment
        ./run.sh
        ```

        ### Notes

        First notes.

        ### Notes

        Second notes.

        ##### Too deep for a passage of its own

        Still under the second Notes.

        ## See [the docs](docs/x.md) & more!

        Linked.
        """;

    [Fact]
    public void Each_heading_up_to_level_four_starts_a_passage_with_its_GitHub_anchor()
    {
        var passages = MarkdownSplitter.Split("README.md", Document, 10_000);

        Assert.Equal(
            [("README.md", ""), ("Trading Platform", "trading-platform"), ("What `./run.sh` starts", "what-runsh-starts"),
             ("Notes", "notes"), ("Notes", "notes-1"), ("See the docs & more!", "see-the-docs--more")],
            passages.Select(p => (p.Heading, p.Anchor)));
        Assert.Equal("Intro before any heading.", passages[0].Text);
        Assert.Contains("# not a heading: a shell comment", passages[2].Text, StringComparison.Ordinal);
        Assert.Contains("./run.sh\n```", passages[2].Text, StringComparison.Ordinal);
        Assert.Contains("##### Too deep", passages[4].Text, StringComparison.Ordinal);
        Assert.All(passages, p => Assert.Equal("README.md", p.Path));
    }

    [Fact]
    public void A_long_section_is_cut_into_chunks_with_its_heading_and_a_code_block_is_never_cut()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"Paragraph {i} " + new string('x', 80)));
        var code = "```\n" + string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i} of code\n")) + "```";
        var markdown = $"## Long one\n\n{paragraphs}\n\n{code}\n\nAfter the code.\n";

        var passages = MarkdownSplitter.Split("docs/long.md", markdown, 300);

        Assert.True(passages.Count > 3, $"{passages.Count} passages");
        Assert.All(passages, p => Assert.Equal(("Long one", "long-one"), (p.Heading, p.Anchor)));
        var withCode = Assert.Single(passages, p => p.Text.Contains("```", StringComparison.Ordinal));
        Assert.Contains(code, withCode.Text, StringComparison.Ordinal);
        Assert.All(passages.Where(p => p != withCode), p => Assert.True(p.Text.Length <= 300, $"{p.Text.Length} chars"));
        Assert.Equal(markdown.Split('\n').Count(l => l.StartsWith("Paragraph", StringComparison.Ordinal)),
            passages.Sum(p => p.Text.Split('\n').Count(l => l.StartsWith("Paragraph", StringComparison.Ordinal))));
    }

    [Fact]
    public void An_unclosed_fence_keeps_the_rest_of_the_file_as_code_and_tildes_fence_too()
    {
        var passages = MarkdownSplitter.Split("a.md", "# A\n\n~~~\n# inside\n~~~\n\n# B\n\n```\n# still code\n", 10_000);

        Assert.Equal(["a", "b"], passages.Select(p => p.Anchor));
        Assert.Contains("# still code", passages[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Forecasting (N-BEATS, trained by the platform)", "forecasting-n-beats-trained-by-the-platform")]
    [InlineData("Backends, and why the CPU path is plain C#", "backends-and-why-the-cpu-path-is-plain-c")]
    [InlineData("Inputs (`MetricsInput`)", "inputs-metricsinput")]
    [InlineData("Objective, constraints, ranking", "objective-constraints-ranking")]
    [InlineData("snake_case and UPPER", "snake_case-and-upper")]
    public void Anchors_follow_GitHub(string heading, string anchor) => Assert.Equal(anchor, GitHubAnchors.Slug(heading));
}
