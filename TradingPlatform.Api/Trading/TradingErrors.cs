using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Trading.Common;

namespace TradingPlatform.Api.Trading;

/// <summary>
/// Maps the trading domain's refusals to the error envelope. A well-formed request that the venue cannot execute
/// (market closed, not enough margin, a trading rule) is 422 with the specific code; a state conflict is 409; no price
/// yet is 503 with Retry-After; an unknown or another user's target is 404. The exception handler applies this to every
/// <see cref="TradingException"/> that reaches it.
/// </summary>
internal static class TradingErrors
{
    public static ApiException ToApi(TradingException exception) => exception.Kind switch
    {
        TradingErrorKind.Validation => new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, exception.Message,
            new Dictionary<string, string[]> { [exception.Field ?? "request"] = [exception.Message] }),
        TradingErrorKind.MarketClosed => new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.MarketClosed, exception.Message),
        TradingErrorKind.InsufficientBalance => new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.InsufficientBalance, exception.Message),
        TradingErrorKind.Rejected => new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Trading, exception.Message),
        TradingErrorKind.Conflict => new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict, exception.Message),
        TradingErrorKind.NotFound => new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, exception.Message),
        TradingErrorKind.NoPrice => new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, exception.Message)
        {
            RetryAfterSeconds = 2,
        },
        _ => new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Trading, exception.Message),
    };

    public static ApiException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"{what} was not found.");

    public static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });
}
