
namespace TradingPlatform.Api.Strategies;

public static class StrategiesExtensions
{
    /// <summary>
    /// Strategies over <see cref="Trading.Data.TradingDbContext"/> (registered by the Api's application services).
    /// A strategy's performance comes from the fills of the orders that carry its id.
    /// </summary>
    public static IHostApplicationBuilder AddStrategies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<StrategyService>();
        builder.Services.AddScoped<IStrategyTradeSource, FillStrategyTradeSource>();
        return builder;
    }
}
