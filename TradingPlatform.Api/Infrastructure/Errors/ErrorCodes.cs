namespace TradingPlatform.Api.Infrastructure.Errors;

/// <summary>The envelope's error codes: seed 001's list plus CONFLICT_ERROR and SERVICE_UNAVAILABLE_ERROR.</summary>
public static class ErrorCodes
{
    public const string Validation = "VALIDATION_ERROR";
    public const string Authentication = "AUTHENTICATION_ERROR";
    public const string Authorization = "AUTHORIZATION_ERROR";
    public const string NotFound = "NOT_FOUND_ERROR";
    public const string RateLimit = "RATE_LIMIT_ERROR";
    public const string Trading = "TRADING_ERROR";
    public const string MarketClosed = "MARKET_CLOSED_ERROR";
    public const string InsufficientBalance = "INSUFFICIENT_BALANCE_ERROR";
    public const string Conflict = "CONFLICT_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE_ERROR";
    public const string Internal = "INTERNAL_SERVER_ERROR";

    /// <summary>The code for a status the framework produced on its own (404 route, 415 content type, …).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 or 413 or 415 or 422 => Validation,
        401 => Authentication,
        403 => Authorization,
        404 or 405 => NotFound,
        409 => Conflict,
        429 => RateLimit,
        503 or 502 or 504 => ServiceUnavailable,
        _ => Internal,
    };
}
