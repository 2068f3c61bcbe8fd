using System.Diagnostics.CodeAnalysis;

namespace TradingPlatform.Trading.Instruments;

/// <summary>
/// An instrument's symbol in its one canonical form: trimmed and upper-case ("btc-usd " is BTC-USD), 1 to
/// <see cref="MaxLength"/> letters, digits and <c>-_./:</c>. Symbols compare ordinally once canonical, so a caller that
/// holds a <see cref="Symbol"/> never needs to trim, upper-case or compare ignoring case again.
/// </summary>
public readonly record struct Symbol
{
    /// <summary>The longest symbol the database holds (the <c>Symbol</c> columns are 32 characters).</summary>
    public const int MaxLength = 32;

    private readonly string? _value;

    private Symbol(string value) => _value = value;

    public string Value => _value ?? "";

    /// <summary>The canonical form of <paramref name="text"/> (trimmed, upper-case), whether or not it is a valid symbol.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        foreach (var c in trimmed)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return trimmed.ToString().ToUpperInvariant();
            }
        }

        // Already canonical (the common case: symbols come from the catalog): no new string.
        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out Symbol symbol)
    {
        symbol = default;
        if (text is null)
        {
            return false;
        }

        var value = Normalize(text);
        if (value.Length is 0 or > MaxLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':'))
        {
            return false;
        }

        symbol = new Symbol(value);
        return true;
    }

    public static Symbol Parse(string text) =>
        TryParse(text, out var symbol) ? symbol : throw new ArgumentException($"'{text}' is not a valid symbol.", nameof(text));

    /// <summary>
    /// Whether two symbols the platform holds (an order's, a position's, a quote's: trimmed already) name the same
    /// instrument, whatever their case: the one comparison the domain uses for symbols.
    /// </summary>
    public static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static implicit operator string(Symbol symbol) => symbol.Value;

    public override string ToString() => Value;
}
