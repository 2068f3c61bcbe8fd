namespace TradingPlatform.Api.Realtime.Connections;

/// <summary>One connection's subscription to one public channel key (see <see cref="SubscriberIndex"/>).</summary>
internal readonly record struct Subscriber(RealtimeConnection Connection, Subscription Subscription);
