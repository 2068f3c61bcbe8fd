using System.ClientModel;
using Microsoft.SemanticKernel;

namespace TradingPlatform.AiService.Chat;

/// <summary>
/// What a failed call to the configured model means for the caller: a model that cannot be reached or does not answer
/// in <c>Llm:TimeoutSeconds</c> is a 503 (retry later), a model that answered with an error is a 502. Anything else is
/// not the model's failure and is not classified (it stays a bug, not a disguised 502).
/// </summary>
internal static class ChatModelFailures
{
    public static ChatFailure? Classify(Exception exception, CancellationToken requestAborted)
    {
        switch (exception)
        {
            case HttpOperationException { StatusCode: { } status }:
                return BadGateway($"The configured model answered {(int)status} ({status}).");
            case HttpOperationException operation when operation.InnerException is ClientResultException { Status: > 0 } result:
                return BadGateway($"The configured model answered {result.Status}.");
            case HttpOperationException:
            case HttpRequestException:
                return Unavailable("The configured model cannot be reached.");
            case ClientResultException { Status: > 0 } result:
                return BadGateway($"The configured model answered {result.Status}.");
            case ClientResultException:
                return Unavailable("The configured model cannot be reached.");
            case OperationCanceledException when !requestAborted.IsCancellationRequested:
                return Unavailable("The configured model did not answer in time (Llm:TimeoutSeconds).");
            case KernelException or InvalidOperationException when exception.InnerException is { } inner:
                return Classify(inner, requestAborted);
            default:
                return null;
        }
    }

    /// <summary>The model answered something the service cannot use (not the JSON it was asked for).</summary>
    public static ChatFailure BadGateway(string message) =>
        new(StatusCodes.Status502BadGateway, "model_error", message + " Try again, or ask an administrator to check the Llm configuration.");

    private static ChatFailure Unavailable(string message) =>
        new(StatusCodes.Status503ServiceUnavailable, "model_unavailable", message + " Try again later.");
}
