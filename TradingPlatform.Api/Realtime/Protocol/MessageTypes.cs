namespace TradingPlatform.Api.Realtime.Protocol;

/// <summary>Server message types.</summary>
public static class MessageTypes
{
    public const string Connected = "connected";
    public const string Authenticated = "authenticated";
    public const string Subscribed = "subscribed";
    public const string Unsubscribed = "unsubscribed";
    public const string Pong = "pong";
    public const string Error = "error";
    public const string Snapshot = "snapshot";
    public const string Resumed = "resumed";
    public const string PriceUpdate = "price_update";
    public const string Candle = "candle";
    public const string OrderUpdate = "order_update";
    public const string OrderFilled = "order_filled";
    public const string PositionUpdate = "position_update";
    public const string PortfolioUpdate = "portfolio_update";
    public const string BalanceUpdate = "balance_update";
    public const string PnlUpdate = "pnl_update";
    public const string Signal = "signal";
    public const string AiSignal = "ai_signal";
    public const string ModelActivated = "model_activated";
    public const string MarketNews = "market_news";
    public const string Sentiment = "sentiment";
    public const string SystemStatus = "system_status";
    public const string BacktestProgress = "backtest_progress";
    public const string BacktestCompleted = "backtest_completed";
}
