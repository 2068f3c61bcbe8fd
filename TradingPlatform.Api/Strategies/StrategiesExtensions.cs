using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TradingPlatform.Api.Strategies;

public static class StrategiesExtensions
{
    /// <summary>
    /// Strategies over <see cref="Trading.Data.TradingDbContext"/> (registered by the Api's application services).
    /// <see cref="IStrategyTradeSource"/> defaults to no trades; a real source registered anywhere replaces it.
    /// </summary>
    public static IHostApplicationBuilder AddStrategies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<StrategyService>();
        builder.Services.TryAddSingleton<IStrategyTradeSource, NoStrategyTradeSource>();
        return builder;
    }
}
