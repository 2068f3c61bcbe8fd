using TradingPlatform.Trading.Accounts;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies.Live;

/// <summary>One active automated strategy as the runner holds it: whose, which account, which symbols, and its ticker.</summary>
internal sealed record LiveStrategy(StrategyId Id, Guid OwnerId, AccountId AccountId, string Name, IReadOnlySet<string> Symbols, DateTimeOffset Version, StrategyTicker Ticker);
