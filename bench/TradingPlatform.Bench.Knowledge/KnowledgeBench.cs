// Retrieval of the project knowledge base on the shipped sources: recall at 5 on the development set (target 0.9), the
// grid search over the fusion's k and weights, the relevance floor's margins (best cosine of in-domain and
// out-of-domain questions), SearchAsync's latency p50/p99 over the questions (query embedding, BM25, cosine, fusion), and
// the offline project chat's latency p50/p99: POST /api/chat/project over HTTP with a trader's token, answered by the
// extractive answerer through Semantic Kernel (retrieval, answer, metering, the conversation stored in Redis).
// Usage: dotnet run -c Release --project bench/TradingPlatform.Bench.Knowledge [-- --rounds 5 --chat-rounds 3]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.AiService.Tests.Knowledge;
using TradingPlatform.Bench.Common;
using TradingPlatform.Testing;

namespace TradingPlatform.Bench.Knowledge;

/// <summary>The entry point (a class, not top-level statements: the AiService's own Program is referenced).</summary>
internal static class KnowledgeBench
{
    private const double RecallTarget = 0.9;

    public static async Task<int> Main(string[] args)
    {
        var rounds = Option(args, "--rounds", 5);
        var chatRounds = Option(args, "--chat-rounds", 3);
        var inv = CultureInfo.InvariantCulture;
        var infrastructure = new InfrastructureFixture();
        await infrastructure.InitializeAsync();
        try
        {
            var signingKey = RandomNumberGenerator.GetHexString(64);
            await using var factory = new BenchApiFactory<Program>(new Dictionary<string, string?>(infrastructure.Configuration) { ["Jwt:SigningKey"] = signingKey });
            factory.StartServer();
            var indexing = Stopwatch.StartNew();
            await factory.Services.GetRequiredService<KnowledgeBase>().Ready.WaitAsync(TimeSpan.FromMinutes(5));
            indexing.Stop();
            var search = factory.Services.GetRequiredService<KnowledgeSearch>();
            var options = factory.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var embedder = factory.Services.GetRequiredService<IKnowledgeEmbedder>();
            var passages = await search.PassagesAsync(CancellationToken.None);
            var dev = DevQuestions.Load();

            var rankings = await RetrievalEvaluation.RankAllAsync(search, dev.Questions.Select(q => q.Question));
            var recall = RetrievalEvaluation.RecallAt(5, dev.Questions, rankings, options);
            var recall1 = RetrievalEvaluation.RecallAt(1, dev.Questions, rankings, options);
            var grid = RetrievalEvaluation.GridSearch(dev.Questions, rankings, options);
            var lexicalOnly = grid.First(g => g.Fusion.DenseWeight == 0).Recall;
            var denseOnly = grid.First(g => g.Fusion.LexicalWeight == 0).Recall;
            var outside = await RetrievalEvaluation.RankAllAsync(search, dev.OutOfDomain);
            var inDomainMin = rankings.Min(r => r.BestSimilarity);
            var outsideMax = outside.Max(r => r.BestSimilarity);
            var outsideHits = 0;
            foreach (var question in dev.OutOfDomain)
            {
                outsideHits += (await search.SearchAsync(question, 5, CancellationToken.None)).Count > 0 ? 1 : 0;
            }

            // Latency: every question, several rounds, after the warm-up above (JIT, ONNX session, Lucene caches).
            var latencies = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var question in dev.Questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    _ = await search.SearchAsync(question.Question, 5, CancellationToken.None);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            // The offline chat end to end, one question after another as a user asks them (each a new conversation).
            using var http = new HttpClient { BaseAddress = factory.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(signingKey, "trader", userId: Guid.NewGuid()));
            (await http.PostAsJsonAsync("/api/chat/project", new { message = dev.Questions[0].Question })).EnsureSuccessStatusCode();
            var chatLatencies = new List<double>();
            for (var round = 0; round < chatRounds; round++)
            {
                foreach (var question in dev.Questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync("/api/chat/project", new { message = question.Question });
                    _ = await response.Content.ReadAsStringAsync();
                    chatLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    response.EnsureSuccessStatusCode();
                }
            }

            var chatSorted = chatLatencies.Order().ToArray();
            var sorted = latencies.Order().ToArray();
            Console.WriteLine($"Knowledge benchmark: {passages.Count} passages from {passages.Select(p => p.Path).Distinct().Count()} sources, embedder {embedder.Model}; {Environment.ProcessorCount} logical CPUs");
            Console.WriteLine(string.Create(inv, $"first index ready after {indexing.Elapsed.TotalSeconds:N1} s (re-embeds only changed sources)"));
            Console.WriteLine(string.Create(inv, $"recall@5 on {dev.Questions.Count} dev questions: {recall:F3} (target {RecallTarget}: {(recall >= RecallTarget ? "met" : "missed")}); recall@1 {recall1:F3}; fusion {RetrievalEvaluation.Describe(options.Fusion)}"));
            Console.WriteLine(string.Create(inv, $"best single ranking: lexical only {lexicalOnly:F3}, dense only {denseOnly:F3}"));
            Console.WriteLine(string.Create(inv, $"grid search over k {{{string.Join(", ", RetrievalEvaluation.GridK)}}} x lexical share {{{string.Join(", ", RetrievalEvaluation.GridLexicalShares)}}} (dense = 1 - lexical), best first:"));
            foreach (var (fusion, value, mrr) in grid.Take(10))
            {
                Console.WriteLine(string.Create(inv, $"  {RetrievalEvaluation.Describe(fusion),-40} recall@5 {value:F3}  MRR {mrr:F3}"));
            }

            var current = grid.First(g => g.Fusion.K == options.Fusion.K
                && Math.Abs((g.Fusion.LexicalWeight / (g.Fusion.LexicalWeight + g.Fusion.DenseWeight)) - (options.Fusion.LexicalWeight / (options.Fusion.LexicalWeight + options.Fusion.DenseWeight))) < 1e-9);
            Console.WriteLine(string.Create(inv, $"  configured ({RetrievalEvaluation.Describe(options.Fusion)}): recall@5 {current.Recall:F3}  MRR {current.Mrr:F3}"));

            Console.WriteLine(string.Create(inv, $"  grid points at the best recall@5: {grid.Count(g => g.Recall == grid[0].Recall)} of {grid.Count}"));
            Console.WriteLine(string.Create(inv, $"relevance floor {options.MinQuerySimilarity:F2}: lowest best cosine of a dev question {inDomainMin:F3}, highest of an out-of-domain one {outsideMax:F3}; {outsideHits} of {dev.OutOfDomain.Count} out-of-domain questions found passages"));
            Console.WriteLine(string.Create(inv, $"retrieval latency over {sorted.Length} searches: p50 {Percentile(sorted, 0.50):N2} ms, p99 {Percentile(sorted, 0.99):N2} ms"));
            Console.WriteLine(string.Create(inv, $"offline chat latency (POST /api/chat/project, extractive answerer) over {chatSorted.Length} questions: p50 {Percentile(chatSorted, 0.50):N1} ms, p99 {Percentile(chatSorted, 0.99):N1} ms"));
            return recall >= RecallTarget ? 0 : 1;
        }
        finally
        {
            await infrastructure.DisposeAsync();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
