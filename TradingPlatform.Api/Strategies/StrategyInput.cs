using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using TradingPlatform.Trading.Instruments;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Strategies;

namespace TradingPlatform.Api.Strategies;

/// <summary>Checks shared by the create and update requests: symbols and the parameters object.</summary>
internal static class StrategyInput
{
    public static IEnumerable<ValidationResult> ValidateSymbols(IReadOnlyList<string>? symbols)
    {
        if (symbols is null || symbols.Count == 0)
        {
            yield return new ValidationResult("At least one symbol is required.", ["Symbols"]);
            yield break;
        }

        if (symbols.Count > Strategy.MaxSymbols)
        {
            yield return new ValidationResult($"At most {Strategy.MaxSymbols} symbols.", ["Symbols"]);
            yield break;
        }

        var unknown = symbols.Where(s => InstrumentCatalog.Find(s) is null).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Unknown symbol(s): {string.Join(", ", unknown.Select(s => $"'{s}'"))}. Known: {string.Join(", ", InstrumentCatalog.Defaults.Select(i => i.Symbol))}.",
                ["Symbols"]);
        }
    }

    public static IEnumerable<ValidationResult> ValidateParameters(JsonElement? parameters)
    {
        if (parameters is not { } value)
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            yield return new ValidationResult("The parameters are a JSON object.", ["Parameters"]);
        }
        else if (Encoding.UTF8.GetByteCount(value.GetRawText()) > Strategy.MaxParametersBytes)
        {
            yield return new ValidationResult($"The parameters are at most {Strategy.MaxParametersBytes / 1024} KiB of JSON.", ["Parameters"]);
        }
    }

    public static IEnumerable<ValidationResult> ValidateInterval(string? interval)
    {
        if (interval is not null && !CandleInterval.TryParse(interval, out _))
        {
            yield return new ValidationResult($"The interval is one of {CandleInterval.Codes}.", ["Interval"]);
        }
    }

    /// <summary>The catalog's spelling of each symbol, without duplicates, in the order given.</summary>
    public static IEnumerable<string> Normalize(IEnumerable<string> symbols) =>
        symbols.Select(s => InstrumentCatalog.Find(s)!.Symbol).Distinct(StringComparer.Ordinal);
}
