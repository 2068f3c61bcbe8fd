namespace TradingPlatform.Worker.Optimizations;

/// <summary>The stored walk-forward settings, as the Api wrote them (its WalkForwardRequest).</summary>
internal sealed record WalkForwardWindowsJson(int InSampleBars, int OutOfSampleBars, bool Anchored);
