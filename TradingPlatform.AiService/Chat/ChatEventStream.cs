using System.Text;
using System.Text.Json;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// The answer as server-sent events: <c>sources</c> (the passages, numbered as cited, and the conversation), then
/// <c>delta</c> chunks of text, then <c>done</c> with the usage, the model and the conversation; a failure after the
/// stream began is an <c>error</c> event (status, code, message) and ends it. Each event is flushed as it is written.
/// </summary>
internal sealed class ChatEventStream(ProjectChat chat, ChatStream stream, ILogger logger) : IResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using var _ = stream;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await WriteAsync(response, "sources", new { sources = stream.Prepared.Sources, conversationId = stream.Prepared.ConversationId }, cancellationToken);
        var answer = new StringBuilder(stream.First);
        await WriteAsync(response, "delta", new { text = stream.First }, cancellationToken);
        try
        {
            while (stream.Rest is { } rest && await rest.MoveNextAsync())
            {
                if (rest.Current.Content is { Length: > 0 } text)
                {
                    answer.Append(text);
                    await WriteAsync(response, "delta", new { text }, cancellationToken);
                }
            }

            var done = await chat.FinishAsync(stream, answer.ToString());
            await WriteAsync(response, "done", new { conversationId = done.ConversationId, usage = done.Usage, model = done.Model }, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The status line is gone: the failure is told in the stream, as an error event, and the stream ends.
            var failure = ChatModelFailures.Classify(exception, cancellationToken)
                ?? new ChatFailure(StatusCodes.Status500InternalServerError, "internal_error", "The answer failed; try again.");
            LogStreamFailed(logger, exception, failure.Status);
            await WriteAsync(response, "error", new { status = failure.Status, code = failure.Code, message = failure.Message }, CancellationToken.None);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string name, object data, CancellationToken cancellationToken)
    {
        var text = $"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n";
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static void LogStreamFailed(ILogger logger, Exception exception, int status) =>
        logger.LogWarning(exception, "A streamed chat answer failed after it began ({Status}).", status);
}
