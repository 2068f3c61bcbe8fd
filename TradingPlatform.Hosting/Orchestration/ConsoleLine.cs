namespace TradingPlatform.Hosting.Orchestration;

/// <summary>One line a resource wrote to its console.</summary>
public sealed record ConsoleLine(DateTimeOffset Time, bool IsError, string Text);
