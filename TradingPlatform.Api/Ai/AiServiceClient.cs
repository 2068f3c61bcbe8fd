namespace TradingPlatform.Api.Ai;

/// <summary>The Api's typed client for the AiService, found through service discovery.</summary>
public sealed class AiServiceClient(HttpClient httpClient)
{
    /// <summary>The AiService's resource name in the AppHost, and so its service-discovery name.</summary>
    public const string ServiceName = "ai";

    /// <summary>Resolved from <c>services:ai:http:0</c> (environment variable <c>services__ai__http__0</c>).</summary>
    public static Uri BaseAddress { get; } = new($"http://{ServiceName}");

    private static readonly Uri HealthPath = new("/health", UriKind.Relative);

    /// <summary>
    /// Sends the caller's request on to the same path of the AiService, with its body and its access token (the
    /// AiService checks that the data is the caller's), and returns the AiService's answer unread.
    /// </summary>
    public async Task<HttpResponseMessage> ForwardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path + request.QueryString, UriKind.Relative));
        if (HttpMethods.IsPost(request.Method))
        {
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            body.Position = 0;
            message.Content = new StreamContent(body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        if (request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>
    /// Sends the caller's request on as <see cref="ForwardAsync"/> does, with its <c>Accept</c> header, and returns as soon
    /// as the AiService's headers are in (<see cref="HttpCompletionOption.ResponseHeadersRead"/>): the body, a stream of
    /// server-sent events, is read by the caller as it comes.
    /// </summary>
    public async Task<HttpResponseMessage> StreamAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path + request.QueryString, UriKind.Relative));
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        message.Content = new StreamContent(body);
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        if (request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Asks the AiService's readiness endpoint; throws <see cref="HttpRequestException"/> when it cannot be reached.</summary>
    public async Task<AiServiceHealth> GetHealthAsync(CancellationToken cancellationToken)
    {
        using var response = await httpClient.GetAsync(HealthPath, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new AiServiceHealth(response.StatusCode, body);
    }
}
