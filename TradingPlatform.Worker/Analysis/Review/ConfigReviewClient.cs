using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradingPlatform.Worker.Analysis.Review;

/// <summary>
/// The Worker's typed client for the AiService's <c>POST /api/ai/config-review</c>, at <c>http://ai</c> through service
/// discovery (as the Api's AiServiceClient), authenticated as the user whose suggestions it sends.
/// </summary>
internal sealed class ConfigReviewClient(HttpClient http, AnalysisAccessTokens tokens)
{
    /// <summary>The AiService's resource name in the AppHost, and so its service-discovery name.</summary>
    public const string ServiceName = "ai";

    public const string NoModelCode = "no_model";

    public static Uri BaseAddress { get; } = new($"http://{ServiceName}");

    private static readonly Uri ReviewPath = new("/api/ai/config-review", UriKind.Relative);

    /// <exception cref="ConfigReviewException">No review: unreachable, no model, an error status, or an unreadable answer.</exception>
    public async Task<ConfigReviewResult> ReviewAsync(Guid userId, ConfigReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, ReviewPath)
        {
            Content = JsonContent.Create(request, options: JsonSerializerOptions.Web),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(userId));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException unreachable)
        {
            throw new ConfigReviewException($"The AiService cannot be reached: {unreachable.Message}", unreachable);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConfigReviewException("The AiService did not answer in time.", timeout);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var code = ErrorCode(body);
                throw new ConfigReviewException($"The AiService answered {(int)response.StatusCode}{(code is null ? "" : $" ({code})")}.")
                {
                    NoModel = response.StatusCode == HttpStatusCode.Conflict && code == NoModelCode,
                };
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var data = document.RootElement.GetProperty("data");
                var result = data.Deserialize<ConfigReviewResult>(JsonSerializerOptions.Web);
                if (result?.Suggestions is null || string.IsNullOrWhiteSpace(result.Model))
                {
                    throw new ConfigReviewException("The AiService's review has no suggestions or no model.");
                }

                return result;
            }
            catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new ConfigReviewException($"The AiService's review cannot be read: {unreadable.Message}", unreadable);
            }
        }
    }

    /// <summary>The envelope's <c>error.code</c>, when the body has one.</summary>
    private static string? ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
