using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TradingPlatform.AiService.Sentiment;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Sentiment;

/// <summary><c>POST /api/sentiment/analyze</c> and <c>GET /api/sentiment/model</c> on the real service.</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class SentimentApiTests(InfrastructureFixture infrastructure)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task The_default_model_answers_with_score_label_probabilities_authenticity_and_summary_and_reports_the_scores_the_tests_compute()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/sentiment/analyze",
            new { text = "Quarterly profit soared 40% and the company raised its full-year outlook. Analysts cheered.", source = "Newswire" });
        var json = await response.Content.ReadAsStringAsync();
        var result = JsonSerializer.Deserialize<SentimentResult>(json, JsonSerializerOptions.Web)!;
        var info = await client.GetFromJsonAsync<SentimentModelInfo>("/api/sentiment/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"authenticityScore\":", json, StringComparison.Ordinal);
        Assert.Equal("positive", result.Label);
        Assert.Equal(result.Probabilities.Positive - result.Probabilities.Negative, result.Score, 12);
        Assert.Equal(1.0, result.AuthenticityScore);
        Assert.Equal("Quarterly profit soared 40% and the company raised its full-year outlook.", result.Summary);
        Assert.Equal("Newswire", result.Source);
        Assert.Equal(MiniLmSentimentModel.Name, result.Model);
        Assert.NotNull(info);
        Assert.Equal(SentimentModelInfo.MiniLmHead, info.Kind);
        Assert.Equal(MiniLmSentimentModel.Version, info.Version);
        Assert.Equal(SentimentTestModel.Trained.TestScores.Accuracy, info.TestAccuracy);
        Assert.Equal(SentimentTestModel.Trained.TestScores.MacroF1, info.TestMacroF1);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": \"   \\n\\t \", \"source\": \"x\"}")]
    [InlineData("{\"text\": null}")]
    [InlineData("null")]
    public async Task Missing_empty_or_white_space_text_answers_400_with_errors_text(string body)
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/sentiment/analyze", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text is required and must not be empty or white space.", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Theory]
    [InlineData("{\"text\": ", "application/json")]
    [InlineData("{\"text\": 42}", "application/json")]
    [InlineData("[1, 2]", "application/json")]
    [InlineData("text=hello", "application/x-www-form-urlencoded")]
    public async Task A_malformed_body_answers_400_with_errors_body(string body, string contentType)
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/sentiment/analyze", new StringContent(body, Encoding.UTF8, contentType));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body ", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_over_one_MiB_of_UTF_8_answers_413_naming_the_limit()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        using var client = factory.CreateClient();
        // 'é' is two bytes of UTF-8: 524,289 of them are 1,048,578 bytes, though only 524,289 characters.
        var text = new string('é', (SentimentOptions.DefaultMaxTextBytes / 2) + 1);

        using var response = await client.PostAsJsonAsync("/api/sentiment/analyze", new { text });
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text is 1048578 bytes of UTF-8; Sentiment:MaxTextBytes allows at most 1048576.", problem.GetProperty("detail").GetString());
        Assert.Contains("Sentiment:MaxTextBytes", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_FinBERT_export_answers_and_a_mismatched_one_stops_the_start()
    {
        using var good = new FinBertFiles(TinyBertModel.Build());
        using var bad = new FinBertFiles(TinyBertModel.Build(classes: 2));

        await using (var factory = new ServiceFactory<Program>(infrastructure.Configuration.Concat(good.Settings)))
        {
            using var client = factory.CreateClient();
            var info = await client.GetFromJsonAsync<SentimentModelInfo>("/api/sentiment/model");
            using var response = await client.PostAsJsonAsync("/api/sentiment/analyze", new { text = "Profit rises" });
            var result = await response.Content.ReadFromJsonAsync<SentimentResult>();

            Assert.Equal(SentimentModelInfo.FinBert, info!.Kind);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(FinBertSentimentModel.Name, result!.Model);
            var logits = TinyBertModel.Logits([2, 5, 6, 3]);
            Assert.Equal(SentimentProbabilities.FromLogits(logits[0], logits[1], logits[2]).Positive, result.Probabilities.Positive, 5);
        }

        await using var refused = new ServiceFactory<Program>(infrastructure.Configuration.Concat(bad.Settings));
        var error = Assert.ThrowsAny<Exception>(() => refused.CreateClient());
        Assert.Contains($"Sentiment:FinBertModelPath '{bad.ModelPath}' is not a FinBERT export", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is null ? "" : " | " + Flatten(exception.InnerException));
}
