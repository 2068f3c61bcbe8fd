using TradingPlatform.Forecasting.Evaluation;

namespace TradingPlatform.Forecasting.Tests.Evaluation;

/// <summary>The activation rule's branches and the figures its reason cites.</summary>
public sealed class ActivationRuleTests
{
    private static readonly PointMetrics RandomWalk = Metrics(1.0);
    private static readonly PointMetrics SeasonalNaive = Metrics(1.2);
    private static readonly DieboldMarianoResult NotSignificant = new(0.4, 0.69, 0.001, 500, 5, 4, DieboldMarianoLoss.SquaredError);
    private static readonly DieboldMarianoResult SignificantlyWorse = new(3.1, 0.002, 0.02, 500, 5, 4, DieboldMarianoLoss.SquaredError);

    private static PointMetrics Metrics(double mase) => new(SMape: 1.5, Mase: mase, Mae: 0.8, Rmse: 1.1, WindowCount: 500, MaseSeason: 1);

    [Fact]
    public void A_mase_of_1_06_against_the_random_walks_1_is_not_activated()
    {
        var decision = ActivationRule.Decide(Metrics(1.06), RandomWalk, SeasonalNaive, NotSignificant, force: false);

        Assert.False(decision.Activate);
        Assert.False(decision.Forced);
        Assert.StartsWith("Not activated (stored only)", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("MASE 1.060 against the random walk's 1.000, the seasonal naive's 1.200 (ratio 1.060, above the limit 1.05)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mase_of_1_with_an_insignificant_diebold_mariano_is_activated()
    {
        var decision = ActivationRule.Decide(Metrics(1.0), RandomWalk, SeasonalNaive, NotSignificant, force: false);

        Assert.True(decision.Activate);
        Assert.False(decision.Forced);
        Assert.StartsWith("Activated: not clearly worse than the random walk.", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("statistic 0.400, p = 0.69: not significantly worse than the random walk at 5 %", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_significantly_worse_diebold_mariano_is_not_activated_even_within_the_mase_limit()
    {
        var decision = ActivationRule.Decide(Metrics(1.02), RandomWalk, null, SignificantlyWorse, force: false);

        Assert.False(decision.Activate);
        Assert.Contains("p = 0.002: significantly worse than the random walk at 5 %", decision.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("seasonal naive", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_significantly_better_model_is_activated()
    {
        var better = NotSignificant with { Statistic = -3.1, PValue = 0.002 };

        Assert.True(ActivationRule.Decide(Metrics(0.9), RandomWalk, null, better, force: false).Activate);
    }

    [Fact]
    public void The_limit_is_on_the_ratio_to_the_random_walks_mase_not_on_mase_itself()
    {
        // Over a 5-step horizon the random walk's own MASE is near the mean of √h, about 1.9 on a random walk.
        var decision = ActivationRule.Decide(Metrics(1.93), Metrics(1.9), null, NotSignificant, force: false);

        Assert.True(decision.Activate);
        Assert.Contains("(ratio 1.016, within the limit 1.05)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forced_activation_is_activated_and_says_it_was_forced()
    {
        var decision = ActivationRule.Decide(Metrics(1.3), RandomWalk, SeasonalNaive, SignificantlyWorse, force: true);

        Assert.True(decision.Activate);
        Assert.True(decision.Forced);
        Assert.StartsWith("Activated because an admin forced it, although the rule would not have", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("MASE 1.300", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Forcing_a_model_the_rule_accepts_says_so()
    {
        var decision = ActivationRule.Decide(Metrics(1.0), RandomWalk, null, NotSignificant, force: true);

        Assert.True(decision.Forced);
        Assert.StartsWith("Activated, forced by an admin (the rule would have activated it too).", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_random_walk_mase_of_0_cannot_be_compared()
    {
        var error = Assert.Throws<ArgumentException>(() => ActivationRule.Decide(Metrics(1.0), Metrics(0), null, NotSignificant, force: false));

        Assert.Contains("the random walk's above 0", error.Message, StringComparison.Ordinal);
    }
}
