namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>Close codes the server uses (4000–4999 are application codes in RFC 6455).</summary>
public static class CloseCodes
{
    /// <summary>No valid token within the deadline, a forged or revoked token, or the token expired.</summary>
    public const int Unauthenticated = 4001;

    /// <summary>The account in the URL is not the user's.</summary>
    public const int Forbidden = 4003;

    /// <summary>The client did not read fast enough for user-channel messages: reconnect and resume.</summary>
    public const int SlowConsumer = 4008;

    /// <summary>RFC 6455 1008: the client kept flooding after being told it is rate-limited.</summary>
    public const int PolicyViolation = 1008;

    /// <summary>RFC 6455 1009: a client message over the size limit.</summary>
    public const int MessageTooBig = 1009;
}
