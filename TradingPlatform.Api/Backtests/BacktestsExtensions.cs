namespace TradingPlatform.Api.Backtests;

public static class BacktestsExtensions
{
    /// <summary>Backtests: stored in the trading schema, enqueued through the Hangfire client, run by the Worker.</summary>
    public static IHostApplicationBuilder AddBacktests(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BacktestOptions>().BindConfiguration(BacktestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SimulationInputs>();
        builder.Services.AddScoped<BacktestService>();
        return builder;
    }
}
