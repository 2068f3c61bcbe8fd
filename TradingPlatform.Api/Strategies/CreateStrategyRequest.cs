using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Strategies;

/// <summary>Seed 001's POST /strategies body. A new strategy starts inactive.</summary>
public sealed record CreateStrategyRequest : IValidatableObject
{
    [Required(ErrorMessage = "The name is required.")]
    [StringLength(Strategy.MaxNameLength, MinimumLength = 1, ErrorMessage = "The name is 1 to 100 characters.")]
    public string? Name { get; init; }

    [StringLength(Strategy.MaxDescriptionLength, ErrorMessage = "The description is at most 1000 characters.")]
    public string? Description { get; init; }

    [Required(ErrorMessage = "The type is required.")]
    [AllowedValues("manual", "automated", ErrorMessage = "The type is manual or automated.")]
    public string? Type { get; init; }

    /// <summary>The algorithm an automated strategy runs (GET /api/strategies/algorithms); its parameters are then checked against it.</summary>
    public string? Algorithm { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>The bars it decides on live: 1m, 5m, 15m, 1h (default), 4h or 1d.</summary>
    public string? Interval { get; init; }

    /// <summary>One of the caller's accounts, which the strategy trades in once active (automated strategies).</summary>
    public Guid? AccountId { get; init; }

    public RiskManagementRequest? RiskManagement { get; init; }

    /// <summary>A JSON object, at most 16 KiB.</summary>
    public JsonElement? Parameters { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        StrategyInput.ValidateSymbols(Symbols).Concat(StrategyInput.ValidateParameters(Parameters))
            .Concat(Algorithm is null ? [] : AlgorithmInput.Validate(Algorithm, Parameters))
            .Concat(StrategyInput.ValidateInterval(Interval));

    public Strategy ToStrategy(Guid ownerId, DateTimeOffset now)
    {
        var strategy = new Strategy
        {
            OwnerId = ownerId,
            Name = Name!.Trim(),
            Description = Description?.Trim() ?? "",
            Type = Enum.Parse<StrategyType>(Type!, ignoreCase: true),
            RiskManagement = RiskManagement?.ApplyTo(TradingPlatform.Trading.Strategies.RiskManagement.Default) ?? TradingPlatform.Trading.Strategies.RiskManagement.Default,
            Algorithm = StrategyAlgorithms.Find(Algorithm)?.Code,
            Interval = Interval is null ? CandleInterval.OneHour : CandleInterval.Parse(Interval),
            AccountId = AccountId is { } account ? TradingPlatform.Trading.Accounts.AccountId.From(account) : null,
            // With an algorithm, the parameters are stored bound: defaults filled in, exactly what runs.
            Parameters = Algorithm is null ? Parameters?.GetRawText() ?? "{}" : AlgorithmInput.Serialize(AlgorithmInput.Bind(Algorithm, Parameters)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        strategy.ReplaceSymbols(StrategyInput.Normalize(Symbols!));
        return strategy;
    }
}
