using System.Reflection;

namespace TradingPlatform.AiService.Sentiment;

/// <summary>
/// The platform's labelled financial-news sentences (Sentiment/Corpus/financial-news.tsv, an embedded resource;
/// docs in Sentiment/Corpus/README.md): one row per sentence, <c>label \t split \t sentence</c>, with label
/// positive/negative/neutral and split train/test, fixed in the file (80/20 within each label).
/// </summary>
public static class SentimentCorpus
{
    public const string ResourceName = "TradingPlatform.AiService.Sentiment.Corpus.financial-news.tsv";

    private static readonly Lazy<IReadOnlyList<SentimentExample>> Rows = new(Load);

    public static IReadOnlyList<SentimentExample> Examples => Rows.Value;

    /// <summary>Parses the TSV; a malformed row throws, naming its line.</summary>
    public static IReadOnlyList<SentimentExample> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var examples = new List<SentimentExample>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[2].Trim().Length == 0)
            {
                throw new FormatException($"Line {number} of the sentiment corpus is not 'label<TAB>split<TAB>sentence'.");
            }

            var label = fields[0] switch
            {
                "positive" => SentimentLabel.Positive,
                "negative" => SentimentLabel.Negative,
                "neutral" => SentimentLabel.Neutral,
                _ => throw new FormatException($"Line {number} of the sentiment corpus has the label '{fields[0]}'."),
            };
            var isTest = fields[1] switch
            {
                "train" => false,
                "test" => true,
                _ => throw new FormatException($"Line {number} of the sentiment corpus has the split '{fields[1]}'."),
            };
            examples.Add(new SentimentExample(label, isTest, fields[2]));
        }

        return examples;
    }

    private static IReadOnlyList<SentimentExample> Load()
    {
        using var stream = typeof(SentimentCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
