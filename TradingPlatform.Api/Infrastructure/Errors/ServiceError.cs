using Microsoft.AspNetCore.Http.HttpResults;

namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>
/// A failure a service returns instead of throwing: the status, code, message and details the error envelope carries.
/// The endpoint answers it with <see cref="ToProblem"/>, which writes exactly what <see cref="ApiException"/> would have.
/// </summary>
public sealed record ServiceError(int Status, string Code, string Message, object? Details = null)
{
    public static ServiceError NotFound(string message) => new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static ServiceError Conflict(string message) => new(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

    public static ServiceError Validation(string field, string message, string? fieldMessage = null) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message,
            new Dictionary<string, string[]> { [field] = [fieldMessage ?? message] });

    public ProblemHttpResult ToProblem() => ApiErrors.Problem(Status, Code, Message, Details);
}
