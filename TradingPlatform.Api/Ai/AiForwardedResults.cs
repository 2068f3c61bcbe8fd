using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Turns the AiService's answer into the Api's: a success's JSON becomes the envelope's <c>data</c> (same status, and
/// the Location of a 201 or 202), a problem (RFC 9457, with its field <c>errors</c>) becomes the error envelope with the code
/// for its status, a 502 (a model the AiService asked answered with an error) stays a 502 with the AiService's detail,
/// the AiService's other failures are a 503 that shows nothing of it, and an AiService that does not answer is a 503.
/// </summary>
internal static class AiForwardedResults
{
    /// <summary>The endpoint handler of every operation the Api forwards to the AiService as it came.</summary>
    public static Task<IResult> ForwardAsync(HttpContext context, AiServiceClient ai, TimeProvider time, CancellationToken cancellationToken) =>
        FromAsync(() => ai.ForwardAsync(context.Request, cancellationToken), time, cancellationToken);

    public static async Task<IResult> FromAsync(Func<Task<HttpResponseMessage>> send, TimeProvider time, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException)
        {
            throw Unavailable();
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable();
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var data = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
                return response.StatusCode switch
                {
                    HttpStatusCode.Accepted => (IResult)ApiResults.Accepted(response.Headers.Location?.OriginalString, data, time),
                    // A new resource (a news item) keeps its 201 and Location (the AiService's path, which the Api forwards too).
                    HttpStatusCode.Created => ApiResults.Created(response.Headers.Location?.OriginalString ?? "", data, time),
                    _ => ApiResults.Ok(data, time),
                };
            }

            if (response.StatusCode == HttpStatusCode.BadGateway)
            {
                // The AiService's own word that the model behind it failed (not the AiService's failure): told as such.
                throw new ApiException(StatusCodes.Status502BadGateway, ErrorCodes.ServiceUnavailable, ModelErrorMessage(body));
            }

            if (status >= 500)
            {
                // The AiService's internals stay behind it: the caller learns that it failed, and may retry.
                throw new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The AI service could not answer; retry later.")
                {
                    RetryAfterSeconds = status == 503 ? 5 : null,
                };
            }

            var (message, errors) = ReadProblem(body, status);
            // A 429 (an AI budget spent) keeps the AiService's Retry-After.
            throw new ApiException(status, ErrorCodes.ForStatus(status), message, errors)
            {
                RetryAfterSeconds = status == 429 && response.Headers.RetryAfter?.Delta is { } delay ? (int)Math.Ceiling(delay.TotalSeconds) : null,
            };
        }
    }

    private static (string Message, Dictionary<string, string[]>? Errors) ReadProblem(string body, int status)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var errors = root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object
                ? fields.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray(), StringComparer.Ordinal)
                : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return (detail ?? errors?.Values.SelectMany(v => v).FirstOrDefault() ?? ProblemEnvelope.TitleFor(status), errors);
        }
        catch (JsonException)
        {
            return (ProblemEnvelope.TitleFor(status), null);
        }
    }

    /// <summary>The problem's <c>detail</c> (the AiService writes what the model answered), or a generic message.</summary>
    private static string ModelErrorMessage(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.String && detail.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // No problem body: the generic message.
        }

        return "The configured model answered with an error; retry later.";
    }

    private static ApiException Unavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The AI service is unavailable; retry later.") { RetryAfterSeconds = 5 };
}
