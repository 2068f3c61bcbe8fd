namespace TradingPlatform.Trading.Orders;

/// <summary>
/// GTC rests until filled or cancelled; DAY expires at the end of the instrument's session; IOC fills what it can
/// at once and cancels the rest; FOK fills entirely at once or not at all.
/// </summary>
public enum TimeInForce
{
    Gtc,
    Ioc,
    Fok,
    Day,
}
