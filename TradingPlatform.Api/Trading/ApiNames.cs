using System.Text;

namespace TradingPlatform.Api.Trading;

/// <summary>
/// How the trading enums appear on the wire: snake_case ("stop_limit", "partially_filled") as the seeds write them.
/// Parsing is lenient about case, underscores and hyphens ("STOP_LIMIT", "stop-limit", "stopLimit").
/// </summary>
internal static class ApiNames
{
    public static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static string? Snake<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Snake(v) : null;

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return !compact.Any(char.IsDigit) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>Parses a required enum field or answers 422 naming the field and the accepted values.</summary>
    public static TEnum Parse<TEnum>(string? text, string field)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw TradingErrors.Invalid(field, $"{field} must be one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(v => Snake(v)))}.");
}
