namespace TradingPlatform.Api.Strategies.Live;

public static class LiveStrategiesExtensions
{
    /// <summary>The live strategy runner, which the tick processor hands every tick after applying it.</summary>
    public static IHostApplicationBuilder AddLiveStrategies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LiveStrategyOptions>().BindConfiguration(LiveStrategyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveStrategyRunner>();
        return builder;
    }
}
