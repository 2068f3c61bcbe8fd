using TradingPlatform.Trading.Signals;

namespace TradingPlatform.Api.Signals;

/// <summary>One page of signals, newest first; <see cref="Next"/> is null on the last page.</summary>
public sealed record SignalPage(IReadOnlyList<Signal> Items, SignalCursor? Next, long Total);
