using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace TradingPlatform.AiService.Knowledge;

/// <summary>
/// One immutable snapshot of the stored passages: a Lucene.Net in-memory index for BM25 (English analyzer with Porter
/// stemming and stop words; a heading field, boosted, and a text field) and the passages' unit vectors for cosine.
/// Rebuilt from the database whenever the stored sources change; searches read whichever snapshot is current.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string HeadingField = "heading";
    private const string TextField = "text";
    private const string OrdinalField = "ordinal";

    /// <summary>A word in the heading counts this much more than one in the text (chosen with the fusion weights).</summary>
    public const float HeadingBoost = 2f;

    private static readonly Dictionary<string, float> Boosts = new() { [HeadingField] = HeadingBoost, [TextField] = 1f };

    private readonly EnglishAnalyzer _analyzer = new(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public KnowledgeIndex(IReadOnlyList<KnowledgePassage> passages, IReadOnlyList<float[]> embeddings, string signature)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (passages.Count != embeddings.Count)
        {
            throw new ArgumentException("One embedding per passage is required.", nameof(embeddings));
        }

        Passages = passages;
        Embeddings = embeddings;
        Signature = signature;
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var passage = passages[i];
                writer.AddDocument(new Document
                {
                    new StoredField(OrdinalField, i),
                    // The file's name ("monte-carlo") belongs to every heading in it: "the Monte Carlo bands" finds them.
                    new TextField(HeadingField, $"{passage.Heading} {SourceWords(passage.Path)}", Field.Store.NO),
                    new TextField(TextField, passage.Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public static KnowledgeIndex Empty { get; } = new([], [], "");

    public IReadOnlyList<KnowledgePassage> Passages { get; }

    public IReadOnlyList<float[]> Embeddings { get; }

    /// <summary>The stored sources' paths, hashes and model this snapshot was built from.</summary>
    public string Signature { get; }

    /// <summary>Passage ordinals by BM25 score, best first, at most <paramref name="limit"/>; none when no word matches.</summary>
    public IReadOnlyList<int> Lexical(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Passages.Count == 0)
        {
            return [];
        }

        Query parsed;
        try
        {
            // Lower case first: "AND", "OR" and "NOT" would otherwise be operators; Escape covers the other syntax.
            var parser = new MultiFieldQueryParser(Version, [HeadingField, TextField], _analyzer, Boosts);
            parsed = parser.Parse(QueryParserBase.Escape(query.ToLowerInvariant()));
        }
        catch (ParseException)
        {
            return [];
        }

        return _searcher.Search(parsed, limit).ScoreDocs
            .Select(d => _searcher.Doc(d.Doc).GetField(OrdinalField).GetInt32Value() ?? -1)
            .Where(i => i >= 0)
            .ToArray();
    }

    /// <summary>Every passage's cosine with <paramref name="query"/> (unit length), by ordinal.</summary>
    public double[] Similarities(float[] query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var similarities = new double[Passages.Count];
        for (var i = 0; i < similarities.Length; i++)
        {
            similarities[i] = KnowledgeVectors.Dot(query, Embeddings[i]);
        }

        return similarities;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static string SourceWords(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).Replace('-', ' ').Replace('_', ' ');
}
