using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Trading.Tests.Strategies;

public sealed class StrategyStatusTransitionsTests
{
    [Theory]
    [InlineData(StrategyStatus.Inactive, StrategyStatus.Inactive, true)]
    [InlineData(StrategyStatus.Inactive, StrategyStatus.Active, true)]
    [InlineData(StrategyStatus.Inactive, StrategyStatus.Paused, false)]
    [InlineData(StrategyStatus.Active, StrategyStatus.Active, true)]
    [InlineData(StrategyStatus.Active, StrategyStatus.Paused, true)]
    [InlineData(StrategyStatus.Active, StrategyStatus.Inactive, true)]
    [InlineData(StrategyStatus.Paused, StrategyStatus.Paused, true)]
    [InlineData(StrategyStatus.Paused, StrategyStatus.Active, true)]
    [InlineData(StrategyStatus.Paused, StrategyStatus.Inactive, true)]
    public void Every_pair_of_statuses_is_decided(StrategyStatus from, StrategyStatus to, bool allowed) =>
        Assert.Equal(allowed, StrategyStatusTransitions.IsAllowed(from, to));

    [Fact]
    public void A_refused_change_leaves_the_strategy_as_it_was()
    {
        var created = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var strategy = new Strategy { OwnerId = Guid.NewGuid(), Name = "s", CreatedAt = created, UpdatedAt = created };

        Assert.Throws<InvalidOperationException>(() => strategy.ChangeStatus(StrategyStatus.Paused, created.AddHours(1)));
        Assert.Equal(StrategyStatus.Inactive, strategy.Status);
        Assert.Equal(created, strategy.UpdatedAt);

        strategy.ChangeStatus(StrategyStatus.Active, created.AddHours(2));
        Assert.Equal(StrategyStatus.Active, strategy.Status);
        Assert.Equal(created.AddHours(2), strategy.UpdatedAt);
    }

    [Fact]
    public void Deleting_stops_the_strategy()
    {
        var now = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var strategy = new Strategy { OwnerId = Guid.NewGuid(), Name = "s", CreatedAt = now, UpdatedAt = now };
        strategy.ChangeStatus(StrategyStatus.Active, now);

        strategy.Delete(now.AddMinutes(1));

        Assert.Equal(StrategyStatus.Inactive, strategy.Status);
        Assert.Equal(now.AddMinutes(1), strategy.DeletedAt);
    }
}
