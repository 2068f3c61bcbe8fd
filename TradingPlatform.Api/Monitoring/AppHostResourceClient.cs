using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Calls the AppHost's resource API (<c>GET …/api/resources</c>, <c>POST …/api/resources/{name}/commands/{command}</c>)
/// with its bearer key. Every failure to reach it, or an answer outside its contract, is an
/// <see cref="AppHostUnavailableException"/>.
/// </summary>
public sealed class AppHostResourceClient(HttpClient httpClient, IOptions<AppHostOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<IReadOnlyList<AppHostResource>> GetResourcesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AppHostUnavailableException($"the AppHost's resource API answered {(int)response.StatusCode}");
        }

        var body = await ReadAsync(response, cancellationToken);
        return body.TryGetProperty("data", out var data) && data.Deserialize<List<AppHostResource>>(Json) is { } resources
            ? resources
            : throw new AppHostUnavailableException("the AppHost's resource API answered without a resource list");
    }

    /// <summary>Runs a command; 4xx answers (unknown resource, invalid state, unsupported) come back as they are.</summary>
    public async Task<AppHostCommandResponse> ExecuteAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var path = $"/{Uri.EscapeDataString(resource)}/commands/{Uri.EscapeDataString(command)}";
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is 401 or 403 || status >= 500)
        {
            throw new AppHostUnavailableException($"the AppHost's resource API refused the command ({status})");
        }

        var body = await ReadAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var data = body.GetProperty("data");
            return new AppHostCommandResponse(status, data.GetProperty("message").GetString() ?? "",
                data.GetProperty("resource").Deserialize<AppHostResource>(Json));
        }

        var message = body.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var text)
            ? text.GetString() ?? "" : $"the AppHost answered {status}";
        return new AppHostCommandResponse(status, message, null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("AppHost:ResourceApiUrl and AppHost:ResourceApiKey are not set.");
        }

        using var request = new HttpRequestMessage(method, new Uri(settings.ResourceApiUrl!.ToString().TrimEnd('/') + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ResourceApiKey);
        try
        {
            return await httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new AppHostUnavailableException($"the AppHost's resource API at {settings.ResourceApiUrl} is not reachable: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AppHostUnavailableException($"the AppHost's resource API at {settings.ResourceApiUrl} did not answer in time", ex);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new AppHostUnavailableException("the AppHost's resource API answered something that is not JSON", ex);
        }
    }
}
