using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>The default <see cref="IStrategyTradeSource"/> while orders do not record their strategy: no trades yet.</summary>
internal sealed class NoStrategyTradeSource : IStrategyTradeSource
{
    public Task<IReadOnlyList<ClosedTrade>> GetClosedTradesAsync(StrategyId strategyId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClosedTrade>>([]);
}
