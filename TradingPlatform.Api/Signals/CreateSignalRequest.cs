using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Signals;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Signals;

/// <summary>POST /api/signals (admins and internal services): one signal of seed 003's shape, plus its source.</summary>
public sealed record CreateSignalRequest : IValidatableObject
{
    /// <summary>How far ahead of the server's clock a signal's time may be (clock skew between services).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    [Required(ErrorMessage = "The symbol is required.")]
    public string? Symbol { get; init; }

    /// <summary>Defaults to now.</summary>
    public DateTimeOffset? Time { get; init; }

    [Required(ErrorMessage = "The score is required.")]
    [Range(-1d, 1d, ErrorMessage = "The score is between -1 and 1.")]
    public decimal? Score { get; init; }

    [Required(ErrorMessage = "The side is required.")]
    [AllowedValues("buy", "sell", "neutral", ErrorMessage = "The side is buy, sell or neutral.")]
    public string? Side { get; init; }

    [StringLength(Signal.MaxPatternLength, ErrorMessage = "The pattern is at most 64 characters.")]
    public string? Pattern { get; init; }

    /// <summary>A JSON object, at most 8 KiB.</summary>
    public JsonElement? Meta { get; init; }

    public SignalSourceRequest? Source { get; init; }

    /// <summary>The strategy that produced it; the source kind then defaults to strategy.</summary>
    public Guid? StrategyId { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (Symbol is not null && InstrumentCatalog.Find(Symbol) is null)
        {
            yield return new ValidationResult($"Unknown symbol '{Symbol}'.", [nameof(Symbol)]);
        }

        var time = (TimeProvider?)validationContext.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        if (Time is { } at && at > time.GetUtcNow() + MaxFutureSkew)
        {
            yield return new ValidationResult("The time is not in the future.", [nameof(Time)]);
        }

        if (Meta is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            yield return new ValidationResult("The meta is a JSON object.", [nameof(Meta)]);
        }
        else if (Meta is { ValueKind: JsonValueKind.Object } meta && Encoding.UTF8.GetByteCount(meta.GetRawText()) > Signal.MaxMetaBytes)
        {
            yield return new ValidationResult($"The meta is at most {Signal.MaxMetaBytes / 1024} KiB of JSON.", [nameof(Meta)]);
        }

        if (Source?.Kind == "strategy" && StrategyId is null)
        {
            yield return new ValidationResult("A strategy signal names its strategyId.", [nameof(StrategyId)]);
        }
        else if (StrategyId is not null && Source?.Kind is { } kind && kind != "strategy")
        {
            yield return new ValidationResult("Only a strategy signal names a strategyId.", [nameof(StrategyId)]);
        }
    }

    public NewSignal ToNewSignal(Guid callerId)
    {
        var source = Source is { Kind: { } kind }
            ? new SignalSource(Enum.Parse<SignalSourceKind>(kind, ignoreCase: true), Source.Id, Source.Name)
            : StrategyId is { } strategy
                ? new SignalSource(SignalSourceKind.Strategy, strategy.ToString())
                : new SignalSource(SignalSourceKind.Manual, callerId.ToString());
        return new NewSignal(Symbol!, Score!.Value, Enum.Parse<SignalSide>(Side!, ignoreCase: true), source)
        {
            Time = Time,
            Pattern = Pattern,
            Meta = Meta,
            StrategyId = StrategyId is { } id ? new StrategyId(id) : null,
        };
    }
}
