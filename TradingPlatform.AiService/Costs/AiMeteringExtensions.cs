namespace TradingPlatform.AiService.Costs;

public static class AiMeteringExtensions
{
    /// <summary>Meters the endpoint as <paramref name="feature"/> (its daily budget, and a record of each call).</summary>
    public static RouteHandlerBuilder MeteredAs(this RouteHandlerBuilder builder, string feature) =>
        builder.AddEndpointFilter(new AiMeteringFilter(feature));

    public static IHostApplicationBuilder AddAiCosts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiCostOptions>().BindConfiguration(AiCostOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AiCostOptions>, AiCostOptionsValidator>();
        builder.Services.AddSingleton<AiDailySpend>();
        builder.Services.AddSingleton<AiCallMeter>();
        builder.Services.AddHostedService<AiCallWriter>();
        return builder;
    }
}
