namespace TradingPlatform.Trading.Strategies.Algorithms;

/// <summary>A parameter that was refused, and why (the Api reports it at that field).</summary>
public sealed record ParameterError(string Parameter, string Message);
