using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.Api.Monitoring;

/// <summary>
/// Metrics of one component: a service's own request metrics, or for a server how long its health check took.
/// </summary>
public sealed record ComponentMetrics(string Id, string Kind, RequestMetricsSnapshot? Requests, double? HealthCheckMs, string Status);
