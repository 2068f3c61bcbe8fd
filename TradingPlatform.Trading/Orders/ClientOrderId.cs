using System.Diagnostics.CodeAnalysis;

namespace TradingPlatform.Trading.Orders;

/// <summary>
/// The client's own key for an order, unique per account: resending an order with the same id returns the existing
/// order instead of placing a second one. 1 to 64 characters of letters, digits and <c>-_.:</c>.
/// </summary>
public readonly record struct ClientOrderId
{
    public const int MaxLength = 64;

    private ClientOrderId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid([NotNullWhen(true)] string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= MaxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    public static ClientOrderId Parse(string text) =>
        IsValid(text) ? new ClientOrderId(text) : throw new ArgumentException($"'{text}' is not a valid client order id.", nameof(text));

    public override string ToString() => Value;
}
