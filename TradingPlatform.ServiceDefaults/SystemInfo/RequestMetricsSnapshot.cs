namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>
/// Request metrics of one service since it started. <see cref="ErrorRate"/> counts server errors (5xx) only: a 4xx is
/// the caller's mistake. Percentiles are over the last <see cref="LatencySamples"/> requests, in milliseconds.
/// </summary>
public sealed record RequestMetricsSnapshot(
    long Requests,
    long ClientErrors,
    long ServerErrors,
    double ErrorRate,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    int LatencySamples,
    DateTimeOffset Since);
