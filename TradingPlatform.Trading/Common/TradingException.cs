namespace TradingPlatform.Trading.Common;

/// <summary>A refusal by the trading domain, with a message meant for the client and the offending field, if one.</summary>
public sealed class TradingException : Exception
{
    public TradingException(TradingErrorKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    public TradingException()
    {
    }

    public TradingException(string message)
        : base(message)
    {
    }

    public TradingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TradingErrorKind Kind { get; }

    public string? Field { get; }

    public static TradingException Invalid(string field, string message) => new(TradingErrorKind.Validation, message, field);
}
