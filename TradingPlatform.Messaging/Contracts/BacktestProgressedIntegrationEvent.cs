using System.Text.Json.Serialization;

namespace TradingPlatform.Messaging.Contracts;

/// <summary>A running backtest advanced (sent at most every half second): <see cref="Progress"/> is 0–1.</summary>
public sealed record BacktestProgressedIntegrationEvent(
    Guid BacktestId,
    Guid UserId,
    double Progress,
    long BarsDone,
    long TotalBars,
    DateTimeOffset SimulatedTime) : IntegrationEvent
{
    public override string RoutingKey => "backtests.backtest_progressed";

    [JsonIgnore]
    public override string? PartitionKey => BacktestId.ToString("N");
}
