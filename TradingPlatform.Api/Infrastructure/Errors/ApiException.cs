namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>
/// A failure a caller can act on, thrown where returning a result would thread through many layers; the exception
/// handler turns it into the error envelope with its status, code and details.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int statusCode, string code, string message, object? details = null) : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Details = details;
    }

    public ApiException()
    {
        Code = ErrorCodes.Internal;
    }

    public ApiException(string message) : base(message)
    {
        Code = ErrorCodes.Internal;
    }

    public ApiException(string message, Exception innerException) : base(message, innerException)
    {
        Code = ErrorCodes.Internal;
    }

    public int StatusCode { get; } = StatusCodes.Status500InternalServerError;

    public string Code { get; }

    public object? Details { get; }

    /// <summary>Sent as the Retry-After header (429, 503); headers set before throwing are cleared by the exception handler.</summary>
    public int? RetryAfterSeconds { get; init; }
}
