using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;
using TradingPlatform.Trading.Strategies.Algorithms;

namespace TradingPlatform.Api.Strategies;

/// <summary>
/// A partial update: members left out keep their value. <c>status</c> moves along
/// <see cref="StrategyStatusTransitions"/> (a refused move is a 409); <c>parameters</c>, when given, replaces the object.
/// </summary>
public sealed record UpdateStrategyRequest : IValidatableObject
{
    [StringLength(Strategy.MaxNameLength, MinimumLength = 1, ErrorMessage = "The name is 1 to 100 characters.")]
    public string? Name { get; init; }

    [StringLength(Strategy.MaxDescriptionLength, ErrorMessage = "The description is at most 1000 characters.")]
    public string? Description { get; init; }

    [AllowedValues("manual", "automated", null, ErrorMessage = "The type is manual or automated.")]
    public string? Type { get; init; }

    [AllowedValues("active", "inactive", "paused", null, ErrorMessage = "The status is active, inactive or paused.")]
    public string? Status { get; init; }

    /// <summary>Sets the algorithm; its parameters (the ones given, or else the stored ones) must then fit it.</summary>
    public string? Algorithm { get; init; }

    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>The bars it decides on live.</summary>
    public string? Interval { get; init; }

    /// <summary>The caller's account it trades in.</summary>
    public Guid? AccountId { get; init; }

    public RiskManagementRequest? RiskManagement { get; init; }

    public JsonElement? Parameters { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            yield return new ValidationResult("The name is 1 to 100 characters.", [nameof(Name)]);
        }

        var symbols = Symbols is null ? [] : StrategyInput.ValidateSymbols(Symbols);
        foreach (var result in symbols.Concat(StrategyInput.ValidateParameters(Parameters)))
        {
            yield return result;
        }

        foreach (var result in StrategyInput.ValidateInterval(Interval))
        {
            yield return result;
        }

        if (Algorithm is not null)
        {
            foreach (var result in AlgorithmInput.Validate(Algorithm, Parameters))
            {
                yield return result;
            }
        }
    }

    public StrategyStatus? RequestedStatus => Status is null ? null : Enum.Parse<StrategyStatus>(Status, ignoreCase: true);

    /// <summary>Applies everything but the status, which the caller checks against the transition table first.</summary>
    public void ApplyTo(Strategy strategy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        strategy.Name = Name?.Trim() ?? strategy.Name;
        strategy.Description = Description?.Trim() ?? strategy.Description;
        strategy.Type = Type is null ? strategy.Type : Enum.Parse<StrategyType>(Type, ignoreCase: true);
        if (Symbols is not null)
        {
            strategy.ReplaceSymbols(StrategyInput.Normalize(Symbols).ToList());
        }

        strategy.RiskManagement = RiskManagement?.ApplyTo(strategy.RiskManagement) ?? strategy.RiskManagement;
        strategy.Parameters = Parameters?.GetRawText() ?? strategy.Parameters;
        if (Algorithm is not null)
        {
            strategy.Algorithm = StrategyAlgorithms.Find(Algorithm)!.Code;
        }

        strategy.Interval = Interval is null ? strategy.Interval : CandleInterval.Parse(Interval);
        strategy.AccountId = AccountId is { } account ? TradingPlatform.Trading.Accounts.AccountId.From(account) : strategy.AccountId;

        if (strategy.Algorithm is not null)
        {
            // Stored bound (defaults filled in); new parameters for an existing algorithm are checked by the service.
            using var document = JsonDocument.Parse(strategy.Parameters);
            strategy.Parameters = AlgorithmInput.Serialize(AlgorithmInput.Bind(strategy.Algorithm, document.RootElement));
        }

        strategy.UpdatedAt = now;
    }
}
