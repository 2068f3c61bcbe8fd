using TradingPlatform.Api.Infrastructure.Errors;

namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>The REST API's error codes (ARCHITECTURE.md), as the socket's <c>error</c> messages use them.</summary>
internal static class ErrorCodesFor
{
    public const string Validation = ErrorCodes.Validation;
    public const string Authentication = ErrorCodes.Authentication;
    public const string Authorization = ErrorCodes.Authorization;
    public const string RateLimit = ErrorCodes.RateLimit;
    public const string Internal = ErrorCodes.Internal;
    public const string Unavailable = ErrorCodes.ServiceUnavailable;
}
