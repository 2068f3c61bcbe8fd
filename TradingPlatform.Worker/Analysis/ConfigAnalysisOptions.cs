using System.ComponentModel.DataAnnotations;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// <c>ConfigAnalysis</c>: how far back the analysis reads a user's results, the backtests that back a strategy
/// suggestion (small and fast: by default the last 30 days of 1-hour bars), and which users the daily run covers.
/// </summary>
public sealed class ConfigAnalysisOptions : IValidatableObject
{
    public const string Section = "ConfigAnalysis";

    /// <summary>Fills and positions older than this many days are not part of the results.</summary>
    [Range(1, 3650)]
    public int ResultsDays { get; set; } = 90;

    /// <summary>The backtests' period: the last this many days up to now.</summary>
    [Range(1, 365)]
    public int BacktestDays { get; set; } = 30;

    /// <summary>The backtests' bars (a strategy's interval suggestion backtests the proposed interval instead).</summary>
    public string BacktestInterval { get; set; } = "1h";

    /// <summary>The daily run analyses users with an active strategy or a fill within this many hours.</summary>
    [Range(1, 24 * 7)]
    public int DailyActivityHours { get; set; } = 24;

    /// <summary>How long a model review may take before it counts as failed (the rules' suggestions are then kept).</summary>
    [Range(1, 600)]
    public int ReviewTimeoutSeconds { get; set; } = 60;

    public CandleInterval BacktestCandleInterval => CandleInterval.Parse(BacktestInterval);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CandleInterval.TryParse(BacktestInterval, out _))
        {
            yield return new ValidationResult($"{Section}:{nameof(BacktestInterval)} is one of {CandleInterval.Codes}.", [nameof(BacktestInterval)]);
        }
    }
}
