namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>Which URL the socket was opened on: it decides what is subscribed right after authentication.</summary>
internal enum EndpointKind
{
    /// <summary><c>/ws</c>: nothing until the client subscribes.</summary>
    General,

    /// <summary><c>/ws/accounts/{accountId}</c>: that account's orders, positions and portfolio (seed 004).</summary>
    Account,

    /// <summary><c>/api/ws/monitor</c>: system status and signals (seed 003).</summary>
    Monitor,
}
