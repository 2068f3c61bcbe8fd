using TradingPlatform.Api.Market;

namespace TradingPlatform.Api.Strategies.Live;

public static class LiveStrategiesExtensions
{
    /// <summary>The live strategy runner; call after AddTrading, so it hears each tick after the tick processor.</summary>
    public static IHostApplicationBuilder AddLiveStrategies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LiveStrategyOptions>().BindConfiguration(LiveStrategyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveStrategyRunner>();
        builder.Services.AddSingleton<ITickSubscriber>(provider => provider.GetRequiredService<LiveStrategyRunner>());
        return builder;
    }
}
