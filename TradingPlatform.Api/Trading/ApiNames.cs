using TradingPlatform.Trading.Infrastructure;

namespace TradingPlatform.Api.Trading;

/// <summary>The Api's reading of the trading enums' wire names (<see cref="WireNames"/>): a wrong one is a 422 naming the field.</summary>
internal static class ApiNames
{
    /// <summary>Parses a required enum field or answers 422 naming the field and the accepted values.</summary>
    public static TEnum Parse<TEnum>(string? text, string field)
        where TEnum : struct, Enum =>
        WireNames.TryParse<TEnum>(text, out var value)
            ? value
            : throw TradingErrors.Invalid(field, $"{field} must be one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(v => WireNames.Snake(v)))}.");
}
