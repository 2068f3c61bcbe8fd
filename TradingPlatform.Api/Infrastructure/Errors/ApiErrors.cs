using Microsoft.AspNetCore.Http.HttpResults;

namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>
/// Error results in the envelope of ARCHITECTURE.md: RFC 9457 problem details carrying
/// <c>success:false, error{code,message,details}, traceId, timestamp</c> (the last two added by <see cref="ProblemEnvelope"/>).
/// </summary>
public static class ApiErrors
{
    public static ProblemHttpResult Problem(int status, string code, string message, object? details = null) =>
        TypedResults.Problem(
            detail: message,
            statusCode: status,
            title: ProblemEnvelope.TitleFor(status),
            type: ProblemEnvelope.TypeFor(code),
            extensions: new Dictionary<string, object?> { [ProblemEnvelope.ErrorKey] = new ErrorBody(code, message, details) });

    public static ProblemHttpResult Validation(string message, IDictionary<string, string[]> fieldErrors) =>
        Problem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, fieldErrors);

    public static ProblemHttpResult NotFound(string message) => Problem(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ProblemHttpResult Conflict(string message) => Problem(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

    public static ProblemHttpResult Unauthorized(string message) =>
        Problem(StatusCodes.Status401Unauthorized, ErrorCodes.Authentication, message);

    public static ProblemHttpResult Forbidden(string message) =>
        Problem(StatusCodes.Status403Forbidden, ErrorCodes.Authorization, message);
}
