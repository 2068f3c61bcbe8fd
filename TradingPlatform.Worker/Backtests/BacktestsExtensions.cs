using TradingPlatform.Jobs.Backtests;

namespace TradingPlatform.Worker.Backtests;

internal static class BacktestsExtensions
{
    /// <summary>The backtest job Hangfire activates for <see cref="IBacktestJob"/>, with its input loader and progress loop.</summary>
    public static IHostApplicationBuilder AddBacktests(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IBacktestJob, BacktestJob>();
        builder.Services.AddScoped<BacktestInputLoader>();
        builder.Services.AddSingleton<BacktestProgressWriter>();
        return builder;
    }
}
