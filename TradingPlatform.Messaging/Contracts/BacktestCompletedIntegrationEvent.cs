using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging.Contracts;

/// <summary>
/// A backtest finished: <see cref="Status"/> is completed, failed or cancelled; the headline figures are set when it
/// completed (the full metrics are on GET /api/backtests/{id}).
/// </summary>
public sealed record BacktestCompletedIntegrationEvent(
    Guid BacktestId,
    Guid UserId,
    string Status,
    double? TotalReturn,
    double? Sharpe,
    double? MaxDrawdown,
    decimal? FinalEquity,
    int TradeCount,
    string? Error,
    DateTimeOffset CompletedAt) : IntegrationEvent
{
    public override string RoutingKey => "backtests.backtest_completed";

    [JsonIgnore]
    public override string? PartitionKey => BacktestId.ToString("N");

    /// <summary>
    /// One event id per run and outcome, whoever writes it (the Worker on completion or failure, the Api on a cancel):
    /// a repeat of the same outcome carries the same id, which the consumers' deduplication drops.
    /// </summary>
    public static Guid IdFor(Guid backtestId, string status)
    {
        Span<byte> bytes = stackalloc byte[16];
        backtestId.TryWriteBytes(bytes);
        // A fixed hash (string.GetHashCode differs between processes, and two processes write these ids).
        var hash = 17;
        foreach (var c in status)
        {
            hash = unchecked((hash * 31) + c);
        }

        bytes[15] ^= (byte)(1 + ((hash & int.MaxValue) % 251));
        return new Guid(bytes);
    }
}
