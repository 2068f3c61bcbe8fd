using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TradingPlatform.AiService.Knowledge;
using TradingPlatform.AiService.Tests.Knowledge;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Chat;

/// <summary>
/// The offline chat as it runs: the knowledge base the service ships, the extractive answerer, no key. Every development
/// question gets an answer whose [n] citations point into its sources, and most answers cite a passage that the set says
/// answers the question.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed partial class ProjectChatShippedKnowledgeTests(InfrastructureFixture infrastructure)
{
    /// <summary>Below the retrieval's recall at 5 (0.9): an answer cites only the passages whose sentences it used.</summary>
    private const double MinCitedShare = 0.8;

    [Fact]
    public async Task Development_questions_are_answered_offline_citing_the_sections_that_answer_them()
    {
        await using var host = await ChatHost.StartWithShippedKnowledgeAsync(infrastructure);
        await host.Services.GetRequiredService<KnowledgeBase>().Ready.WaitAsync(TimeSpan.FromMinutes(4));
        using var client = host.Client(Guid.NewGuid());
        var dev = DevQuestions.Load();
        var cited = 0;
        var misses = new List<string>();

        foreach (var question in dev.Questions)
        {
            var answer = await ChatHost.ReadAsync(await client.PostAsJsonAsync("/api/chat/project", new { message = question.Question }), HttpStatusCode.OK);
            var text = answer.GetProperty("answer").GetString()!;
            var sources = answer.GetProperty("sources").EnumerateArray()
                .ToDictionary(s => s.GetProperty("number").GetInt32(), s => new DevAnswer(s.GetProperty("path").GetString()!, s.GetProperty("anchor").GetString()!));
            var numbers = Citation().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

            Assert.True(numbers.Count > 0, $"'{question.Question}' was answered without a citation: {text}");
            Assert.All(numbers, n => Assert.True(sources.ContainsKey(n), $"'{question.Question}': [{n}] is not among its sources"));
            if (numbers.Any(n => question.Answers.Contains(sources[n])))
            {
                cited++;
            }
            else
            {
                misses.Add(question.Question);
            }
        }

        var share = (double)cited / dev.Questions.Count;
        Assert.True(share >= MinCitedShare,
            $"{cited} of {dev.Questions.Count} answers ({share:P0}) cite a section that answers them; at least {MinCitedShare:P0} expected. Missed: {string.Join(" | ", misses)}");
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Citation();
}
