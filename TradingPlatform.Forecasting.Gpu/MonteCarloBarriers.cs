namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// Path-dependent figures for the request's stop-loss and take-profit levels, over steps 1 … H (the horizon
/// included) and monitored at the steps only: the share of paths that touch each level at some step, and the share
/// that touch each first (the other one later or never). A step's price cannot touch both, so the two "first" shares
/// and the share touching neither add up to 1. A probability is 0 for a level the request does not set.
/// </summary>
public sealed record MonteCarloBarriers(
    double? StopLoss,
    double? TakeProfit,
    double ProbabilityTouchStopLoss,
    double ProbabilityTouchTakeProfit,
    double ProbabilityStopLossFirst,
    double ProbabilityTakeProfitFirst);
