using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// Walk-forward windows in bars: optimise on <see cref="InSampleBars"/>, test the best on the next
/// <see cref="OutOfSampleBars"/>, step by the out-of-sample length; anchored keeps every in-sample window starting at
/// the first bar (growing), rolling slides it.
/// </summary>
public sealed record WalkForwardRequest
{
    [Range(10, 10_000_000, ErrorMessage = "inSampleBars is between 10 and 10,000,000.")]
    public int InSampleBars { get; init; }

    [Range(5, 10_000_000, ErrorMessage = "outOfSampleBars is between 5 and 10,000,000.")]
    public int OutOfSampleBars { get; init; }

    public bool Anchored { get; init; }
}
