namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>The channel names of the protocol; user channels carry only the authenticated user's own data.</summary>
public static class RealtimeChannels
{
    public const string Prices = "price_updates";
    public const string Candles = "candles";
    public const string Orders = "orders";
    public const string Positions = "positions";
    public const string Portfolio = "portfolio";
    public const string Signals = "signals";
    public const string News = "news";
    public const string System = "system";
    public const string Backtests = "backtests";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Prices, Candles, Orders, Positions, Portfolio, Signals, News, System, Backtests };

    public static IReadOnlySet<string> User { get; } = new HashSet<string>(StringComparer.Ordinal) { Orders, Positions, Portfolio, Backtests };

    public static bool IsUser(string channel) => User.Contains(channel);

    /// <summary>Channels whose subscriptions are per symbol (a subscription without symbols is refused).</summary>
    public static bool IsPerSymbol(string channel) => channel is Prices or Candles;
}
