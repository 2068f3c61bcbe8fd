namespace TradingPlatform.AiService.Costs;

/// <summary>
/// <c>AiCosts</c>: the price table (<see cref="Prices"/>, keyed by model name or by feature; a model's entry wins over
/// its feature's; no entry is free, as local compute is by default) and optional daily budgets in USD per feature
/// (<see cref="DailyBudgetsUsd"/>; a feature whose spend today, UTC, reached its budget is refused with 429 until the
/// next 00:00 UTC).
/// </summary>
public sealed class AiCostOptions
{
    public const string Section = "AiCosts";

    public Dictionary<string, AiPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, decimal> DailyBudgetsUsd { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How old today's spend from the database may get before a replica reads it again (other replicas' calls count within this).</summary>
    public int SpendRefreshSeconds { get; set; } = 5;

    /// <summary>Records waiting to be written, at most; a call that finds the queue full is logged as not recorded.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>Records inserted in one round trip, at most.</summary>
    public int WriteBatchSize { get; set; } = 500;

    /// <summary>The price of a call of <paramref name="feature"/> on <paramref name="model"/>: the model's, else the feature's, else free.</summary>
    public AiPrice PriceOf(string feature, string model) =>
        Prices.GetValueOrDefault(model) ?? Prices.GetValueOrDefault(feature) ?? Free;

    public decimal? BudgetOf(string feature) => DailyBudgetsUsd.TryGetValue(feature, out var budget) ? budget : null;

    /// <summary>The errors of a configuration that must not start: negative prices, budgets that are not positive.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (key, price) in Prices)
        {
            if (price is null || price.PerDeviceSecondUsd < 0 || price.Per1KInputTokensUsd < 0 || price.Per1KOutputTokensUsd < 0)
            {
                errors.Add($"{Section}:Prices:{key} must have prices of 0 or more.");
            }
        }

        foreach (var (feature, budget) in DailyBudgetsUsd)
        {
            if (budget <= 0)
            {
                errors.Add($"{Section}:DailyBudgetsUsd:{feature} must be more than 0 (leave it out for no budget).");
            }
        }

        if (SpendRefreshSeconds is < 1 or > 3600)
        {
            errors.Add($"{Section}:{nameof(SpendRefreshSeconds)} must be between 1 and 3600.");
        }

        if (QueueCapacity is < 100 or > 10_000_000)
        {
            errors.Add($"{Section}:{nameof(QueueCapacity)} must be between 100 and 10000000.");
        }

        if (WriteBatchSize is < 1 or > 10_000)
        {
            errors.Add($"{Section}:{nameof(WriteBatchSize)} must be between 1 and 10000.");
        }

        return errors;
    }

    private static readonly AiPrice Free = new();
}
