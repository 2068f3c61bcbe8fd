using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Security;

namespace TradingPlatform.AiService.News;

/// <summary>
/// <c>POST /api/news</c> (admins and internal services): ingests one item (<see cref="NewsRequest"/>) and answers 201
/// with it, or 200 with the stored one when it was already ingested. Bad input answers 400 with the field's
/// <c>errors</c> (<c>errors.body</c> for a body that is not the JSON object), a body text over <c>News:MaxBodyBytes</c>
/// answers 413. <c>GET /api/news/{id}</c> reads one item back.
/// </summary>
public static class NewsApi
{
    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/news").AddEndpointFilter<SchemaReadyFilter>().WithTags("News");
        group.MapPost("/", IngestAsync).RequireAuthorization(SecurityExtensions.AdminPolicy)
            .WithName("IngestNews")
            .WithSummary("Ingests a news item (admins and internal services): scored for sentiment, its symbols recognised, published as NewsPublished; a retry answers the stored item.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization()
            .WithName("GetNews")
            .WithSummary("One ingested news item with its sentiment and symbols.");
        return endpoints;
    }

    private static async Task<Results<Created<NewsItemResponse>, Ok<NewsItemResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request, NewsIngestor ingestor, IOptions<NewsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Invalid("body", "The body must be a JSON object { \"headline\": \"...\", \"source\": \"...\" } sent as application/json.");
        }

        NewsRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<NewsRequest>(cancellationToken);
        }
        catch (JsonException exception)
        {
            return Invalid("body", $"The body is not a JSON object {{ \"headline\": \"...\", \"source\": \"...\" }}: {exception.Message}");
        }

        if (body is null)
        {
            return Invalid("body", "The body must be a JSON object { \"headline\": \"...\", \"source\": \"...\" }.");
        }

        var limit = options.Value.MaxBodyBytes;
        if (body.Body is { } text && Encoding.UTF8.GetByteCount(text) is var bytes && bytes > limit)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The news body is too long.",
                detail: $"body is {bytes} bytes of UTF-8; News:MaxBodyBytes allows at most {limit}.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"body must be at most {limit} bytes of UTF-8 (News:MaxBodyBytes)."] } });
        }

        var submission = NewsValidation.Validate(body, time.GetUtcNow(), options.Value, out var errors);
        if (submission is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The news item is not valid.");
        }

        var ingestion = await ingestor.IngestAsync(submission, cancellationToken);
        var response = NewsItemResponse.Of(ingestion.Item);
        return ingestion.Created ? TypedResults.Created($"/api/news/{response.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<NewsItemResponse>, ProblemHttpResult>> GetAsync(Guid id, AiDbContext db, CancellationToken cancellationToken) =>
        await db.NewsItems.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is { } item
            ? TypedResults.Ok(NewsItemResponse.Of(item))
            : TypedResults.Problem($"There is no news item {id}.", statusCode: StatusCodes.Status404NotFound);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");
}
