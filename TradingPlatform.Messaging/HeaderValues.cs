using System.Globalization;
using System.Text;

namespace TradingPlatform.Messaging;

/// <summary>Reads AMQP header values, which arrive as byte arrays (strings) or numbers.</summary>
internal static class HeaderValues
{
    public static string? ReadString(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    public static int ReadInt(IDictionary<string, object?>? headers, string name) =>
        headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                int number => number,
                long number => (int)number,
                byte[] bytes when int.TryParse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => 0,
            }
            : 0;
}
