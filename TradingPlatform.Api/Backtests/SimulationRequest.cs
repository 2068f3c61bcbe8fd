using System.ComponentModel.DataAnnotations;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;

namespace TradingPlatform.Api.Backtests;

/// <summary>
/// What every simulation request names (a backtest, a sweep, a walk-forward): a saved strategy (<c>strategyId</c>) or
/// an inline one (<c>strategy</c>), the symbols (a saved strategy's own by default), the bar interval, the period
/// [start, end), the starting balance, and optional leverage, fee and slippage overrides and the intrabar path.
/// </summary>
public abstract record SimulationRequest : IValidatableObject
{
    public const double MaxCommissionRate = 0.05;
    public const double MaxSlippage = 0.01;
    public const int MaxLeverage = 100;

    public Guid? StrategyId { get; init; }

    /// <summary>Validated as a nested object: each problem names its own field (<c>strategy.parameters.slow</c>).</summary>
    public InlineStrategyRequest? Strategy { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>1m, 5m, 15m, 1h, 4h or 1d.</summary>
    [Required(ErrorMessage = "The interval is required.")]
    public string? Interval { get; init; }

    [Required(ErrorMessage = "The start is required.")]
    public DateTimeOffset? Start { get; init; }

    [Required(ErrorMessage = "The end is required.")]
    public DateTimeOffset? End { get; init; }

    [Range((double)BacktestSettings.MinInitialBalance, (double)BacktestSettings.MaxInitialBalance,
        ErrorMessage = "The initialBalance is between 100 and 1,000,000,000 USD.")]
    public decimal InitialBalance { get; init; } = 100_000m;

    [Range(1, MaxLeverage, ErrorMessage = "The leverage is between 1 and 100 (and at most the instrument's maximum).")]
    public int Leverage { get; init; } = 1;

    /// <summary>Replaces every instrument's commission rate (a fraction of notional: 0.0002 = 0.02 %).</summary>
    [Range(0d, MaxCommissionRate, ErrorMessage = "The commissionRate is a fraction of notional between 0 and 0.05.")]
    public decimal? CommissionRate { get; init; }

    /// <summary>Replaces every instrument's base slippage (a fraction of price: 0.0001 = 1 bp); the size impact and the random part stay.</summary>
    [Range(0d, MaxSlippage, ErrorMessage = "The slippage is a fraction of price between 0 and 0.01.")]
    public decimal? Slippage { get; init; }

    /// <summary>nearer_extreme_first (default), high_first or low_first.</summary>
    [AllowedValues("nearer_extreme_first", "high_first", "low_first", null, ErrorMessage = "The intrabarPath is nearer_extreme_first, high_first or low_first.")]
    public string? IntrabarPath { get; init; }

    /// <summary>Annual risk-free rate for Sharpe and Sortino, as a fraction (0.04 = 4 %).</summary>
    [Range(-0.5, 1.0, ErrorMessage = "The riskFreeRate is a fraction between -0.5 and 1.")]
    public double RiskFreeRate { get; init; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((StrategyId is null) == (Strategy is null))
        {
            yield return new ValidationResult("Give either strategyId (a saved strategy) or strategy (an inline one), not both.", [nameof(StrategyId)]);
        }

        if (Interval is not null && !CandleInterval.TryParse(Interval, out _))
        {
            yield return new ValidationResult($"The interval is one of {CandleInterval.Codes}.", [nameof(Interval)]);
        }

        if (Start is { } start && End is { } end && end <= start)
        {
            yield return new ValidationResult("The end must be after the start.", [nameof(End)]);
        }

        if (Symbols is not null)
        {
            if (Symbols.Count is 0 or > BacktestRun.MaxSymbols)
            {
                yield return new ValidationResult($"Give 1 to {BacktestRun.MaxSymbols} symbols.", [nameof(Symbols)]);
            }
            else if (Symbols.Where(s => InstrumentCatalog.Find(s) is null).ToList() is { Count: > 0 } unknown)
            {
                yield return new ValidationResult(
                    $"Unknown symbol(s): {string.Join(", ", unknown.Select(s => $"'{s}'"))}. Known: {string.Join(", ", InstrumentCatalog.Defaults.Select(i => i.Symbol))}.",
                    [nameof(Symbols)]);
            }
        }
        else if (Strategy is not null)
        {
            yield return new ValidationResult("The symbols are required with an inline strategy.", [nameof(Symbols)]);
        }
    }

    public IntrabarPath Path => IntrabarPath switch
    {
        "high_first" => TradingPlatform.Trading.Backtesting.IntrabarPath.HighFirst,
        "low_first" => TradingPlatform.Trading.Backtesting.IntrabarPath.LowFirst,
        _ => TradingPlatform.Trading.Backtesting.IntrabarPath.NearerExtremeFirst,
    };
}
