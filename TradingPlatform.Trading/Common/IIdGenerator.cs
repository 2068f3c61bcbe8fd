namespace TradingPlatform.Trading.Common;

/// <summary>
/// Where the simulator's new order, position and fill ids come from. Live trading uses time-ordered GUIDs; a backtest
/// uses a seeded sequence, because a fill's slippage noise is keyed on its order's id: the same seed gives the same
/// ids, so a re-run (a retried job, a replay of live ticks) gives the same fills to the last digit.
/// </summary>
public interface IIdGenerator
{
    Guid Next();
}
