namespace TradingPlatform.Trading.Backtesting;

/// <summary>
/// How far the equity at <see cref="At"/> stood below its running peak: E_t / max(E_s, s ≤ t) − 1, a fraction that is
/// 0 at a peak and negative below it (−0.25 = 25 % under the peak; below −1 when the equity is negative).
/// </summary>
public readonly record struct DrawdownPoint(DateTimeOffset At, double Drawdown);
