namespace TradingPlatform.Trading.Strategies;

/// <summary>
/// Every status change a strategy may make. Staying in the same status is always allowed (an idempotent update).
/// <list type="bullet">
/// <item>inactive → active (start)</item>
/// <item>active → paused (hold, keeping its state), active → inactive (stop)</item>
/// <item>paused → active (resume), paused → inactive (stop)</item>
/// </list>
/// An inactive strategy cannot be paused: there is nothing running to pause.
/// </summary>
public static class StrategyStatusTransitions
{
    private static readonly Dictionary<StrategyStatus, StrategyStatus[]> Allowed = new()
    {
        [StrategyStatus.Inactive] = [StrategyStatus.Active],
        [StrategyStatus.Active] = [StrategyStatus.Paused, StrategyStatus.Inactive],
        [StrategyStatus.Paused] = [StrategyStatus.Active, StrategyStatus.Inactive],
    };

    public static bool IsAllowed(StrategyStatus from, StrategyStatus to) =>
        from == to || (Allowed.TryGetValue(from, out var targets) && targets.Contains(to));
}
