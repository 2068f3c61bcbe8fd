using System.ComponentModel.DataAnnotations;

namespace TradingPlatform.AiService.Training;

/// <summary>The <c>Training</c> section.</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>The most bars a run trains and evaluates on (the latest ones of its range).</summary>
    [Range(100, 1_000_000)]
    public int MaxBars { get; set; } = 20_000;

    /// <summary>The share of the bars, at the end, held out for the evaluation before activation (never trained or validated on).</summary>
    [Range(0.05, 0.5)]
    public double TestFraction { get; set; } = 0.2;

    /// <summary>The fewest held-out windows an evaluation may rest on.</summary>
    [Range(5, 10_000)]
    public int MinTestWindows { get; set; } = 20;
}
