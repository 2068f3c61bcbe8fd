using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>
/// The closed trades a strategy produced, from which its performance is computed. The orders feature implements it
/// over the fills of orders that carry the strategy's id (<see cref="FillStrategyTradeSource"/>).
/// </summary>
public interface IStrategyTradeSource
{
    Task<IReadOnlyList<ClosedTrade>> GetClosedTradesAsync(StrategyId strategyId, CancellationToken cancellationToken);
}
