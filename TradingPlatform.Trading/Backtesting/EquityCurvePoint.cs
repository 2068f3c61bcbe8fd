namespace TradingPlatform.Trading.Backtesting;

/// <summary>A point of the stored equity curve: equity at a bar close and the drawdown from the running peak (a fraction, ≤ 0).</summary>
public readonly record struct EquityCurvePoint(DateTimeOffset At, decimal Equity, double Drawdown);
