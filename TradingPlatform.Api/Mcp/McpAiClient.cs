using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.Api.Identity.Data;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Mcp;

/// <summary>
/// The AI tools' way to the AiService. An agent may hold an API key, which the AiService does not know, so each call
/// carries an access token minted here for the key's user by the Api's own issuer (the configured access-token
/// lifetime, 15 minutes by default, and used for this one request): the AiService then checks the data is that user's
/// exactly as for the web console. Its refusals come back as <see cref="ApiException"/>s, its failures as a 503.
/// </summary>
public sealed class McpAiClient(HttpClient httpClient, IdentityDbContext db, AccessTokenIssuer issuer)
{
    public async Task<JsonElement> SendAsync(ClaimsPrincipal caller, HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.GetUserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, "The account no longer exists.");
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(user).Token);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
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
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? default : ReadData(text);
            }

            if (status >= 500)
            {
                throw Unavailable();
            }

            throw new ApiException(status, ErrorCodes.ForStatus(status), ReadDetail(text) ?? $"The AI service refused the request ({status}).");
        }
    }

    /// <summary>The AiService answers bare JSON; an enveloped answer (<c>success</c>, <c>data</c>) is unwrapped all the same.</summary>
    private static JsonElement ReadData(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out _) && root.TryGetProperty("data", out var data)
            ? data.Clone()
            : root.Clone();
    }

    private static string? ReadDetail(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                return string.Join(" ", errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(v => $"{f.Name}: {v.GetString()}")));
            }

            return root.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ApiException Unavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The AI service could not answer; retry later.");
}
