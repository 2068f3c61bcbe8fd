using System.Text;

namespace TradingPlatform.Trading.Infrastructure;

/// <summary>
/// How the trading enums appear on the wire (the REST API, the WebSocket and the integration events): snake_case
/// ("stop_limit", "partially_filled") as the seeds write them. Parsing is lenient about case, underscores and hyphens
/// ("STOP_LIMIT", "stop-limit", "stopLimit").
/// </summary>
public static class WireNames
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
}
