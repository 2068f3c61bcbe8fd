namespace TradingPlatform.Api.Portfolio;

/// <summary>Return over the last day, week, month and year: equity now over equity then, minus one.</summary>
public sealed record PortfolioPerformance(decimal Daily, decimal Weekly, decimal Monthly, decimal Yearly);
