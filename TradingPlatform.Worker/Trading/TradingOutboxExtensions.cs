using TradingPlatform.Messaging;
using TradingPlatform.Messaging.Outbox;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Worker.Trading;

internal static class TradingOutboxExtensions
{
    /// <summary>
    /// The trading outbox writer for the Worker's jobs (a backtest's results and their events commit together). The
    /// Worker runs no relay of its own: the Api owns the trading schema and its relay, which polls for rows written by
    /// others every <see cref="MessagingOptions.PollInterval"/> (1 s), so a job's events go out within about a second.
    /// </summary>
    public static IHostApplicationBuilder AddTradingOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IOutbox, Outbox<TradingDbContext>>();
        return builder;
    }
}
