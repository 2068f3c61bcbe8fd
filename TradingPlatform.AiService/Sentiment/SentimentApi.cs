using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Costs;

namespace TradingPlatform.AiService.Sentiment;

public static class SentimentApi
{
    /// <summary>
    /// <c>POST /api/sentiment/analyze</c> and seed 003's <c>POST /api/analyze</c> (<c>{ "text", "source" }</c> → <see cref="SentimentResult"/>) and
    /// <c>GET /api/sentiment/model</c> (<see cref="SentimentModelInfo"/>). Bad input answers 400 with
    /// <c>errors.text</c> (or <c>errors.body</c> for a body that is not the JSON object), a text over
    /// <c>Sentiment:MaxTextBytes</c> bytes of UTF-8 answers 413. The handler reads the body itself (no Accepts
    /// metadata), so that a body of another content type gets the same 400 as malformed JSON, never a 415 or a 500.
    /// </summary>
    public static IEndpointRouteBuilder MapSentimentApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sentiment").WithTags("Sentiment");
        group.MapPost("/analyze", AnalyzeAsync).MeteredAs(AiFeatures.Sentiment)
            .WithName("AnalyzeSentiment")
            .WithSummary("Sentiment (−1..1, label, probabilities), a heuristic authenticity score and a one-line summary of a news text.");
        // Seed 003's path of the same operation.
        endpoints.MapPost("/api/analyze", AnalyzeAsync).MeteredAs(AiFeatures.Sentiment).WithTags("Sentiment")
            .WithName("AnalyzeSentimentSeedPath")
            .WithSummary("Seed 003's path of POST /api/sentiment/analyze: sentiment, authenticity and summary of a news text.");
        group.MapGet("/model", DescribeAsync)
            .WithName("GetSentimentModel")
            .WithSummary("The sentiment model in use (MiniLM with the platform's head, or a user's FinBERT export) and the head's test scores.");
        return endpoints;
    }

    private static async Task<Results<Ok<SentimentResult>, ValidationProblem, ProblemHttpResult>> AnalyzeAsync(
        HttpRequest request, SentimentAnalyzer analyzer, IOptions<SentimentOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Invalid("body", "The body must be a JSON object { \"text\": \"...\", \"source\": \"...\" } sent as application/json.");
        }

        SentimentRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<SentimentRequest>(cancellationToken);
        }
        catch (JsonException exception)
        {
            return Invalid("body", $"The body is not a JSON object {{ \"text\": \"...\", \"source\": \"...\" }}: {exception.Message}");
        }

        if (string.IsNullOrWhiteSpace(body?.Text))
        {
            return Invalid("text", "text is required and must not be empty or white space.");
        }

        var limit = options.Value.MaxTextBytes;
        var bytes = Encoding.UTF8.GetByteCount(body.Text);
        if (bytes > limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The text is too long.",
                detail: $"text is {bytes} bytes of UTF-8; Sentiment:MaxTextBytes allows at most {limit}.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["text"] = [$"text must be at most {limit} bytes of UTF-8 (Sentiment:MaxTextBytes)."] } });
        }

        return TypedResults.Ok(await analyzer.AnalyzeAsync(body.Text, body.Source, cancellationToken));
    }

    private static async Task<Ok<SentimentModelInfo>> DescribeAsync(ISentimentModel model, CancellationToken cancellationToken) =>
        TypedResults.Ok(await model.DescribeAsync(cancellationToken));

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");
}
