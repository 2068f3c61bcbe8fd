using System.Text;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Copies the AiService's server-sent events to the caller as they come, flushing at the end of each event (its blank
/// line), so that the caller sees each delta when the AiService sends it. A caller that goes away ends the copy.
/// </summary>
internal sealed class EventStreamPassThrough(HttpResponseMessage events) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var _ = events;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await using var body = await events.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                await response.WriteAsync(line + "\n", cancellationToken);
                if (line.Length == 0)
                {
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller left: nothing more to send.
        }
        catch (IOException)
        {
            // The AiService's stream broke off after it began: the caller sees the stream end without its done event.
        }

        await response.Body.FlushAsync(CancellationToken.None);
    }
}
