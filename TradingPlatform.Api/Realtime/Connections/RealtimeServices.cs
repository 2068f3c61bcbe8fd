using Microsoft.Extensions.Options;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Api.Realtime.Auth;
using TradingPlatform.Api.Realtime.Fanout;

namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>What every connection needs, resolved once (connections are not created by DI).</summary>
internal sealed record RealtimeServices(
    IOptions<RealtimeOptions> Options,
    TimeProvider Time,
    SocketAuthenticator Authenticator,
    AccountOwnership Ownership,
    UserChannelLog Log,
    SnapshotProvider Snapshots,
    SystemStatusSource Status,
    InstrumentRegistry Instruments,
    RealtimeMetrics Metrics,
    ConnectionRegistry Registry,
    SubscriberIndex Index,
    ILogger<RealtimeConnection> Logger);
