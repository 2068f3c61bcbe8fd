namespace TradingPlatform.Bench.Realtime;

/// <summary>What the client process answers for a measured window (one JSON line on its standard output).</summary>
internal sealed record ClientReport(
    int Clients,
    long Received,
    long Expected,
    int CompleteClients,
    int FailedClients,
    string? FirstFailure,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long Samples);
