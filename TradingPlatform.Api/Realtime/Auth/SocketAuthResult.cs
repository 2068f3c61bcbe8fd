namespace TradingPlatform.Api.Realtime.Auth;

/// <summary>The outcome of checking a socket's token; on success, whose it is and when the socket must close.</summary>
internal sealed record SocketAuthResult(bool Succeeded, Guid UserId, DateTimeOffset ClosesAt, string? Failure)
{
    public static SocketAuthResult Fail(string reason) => new(false, Guid.Empty, default, reason);
}
