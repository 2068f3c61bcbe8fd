namespace TradingPlatform.Api.Signals;

public static class SignalsExtensions
{
    /// <summary>The signals stream over <see cref="Trading.Data.TradingDbContext"/>; <see cref="SignalStore"/> is what producers inject.</summary>
    public static IHostApplicationBuilder AddSignals(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SignalStore>();
        builder.Services.AddScoped<TradingPlatform.Messaging.IIntegrationEventHandler<TradingPlatform.Messaging.Contracts.AiSignalGeneratedIntegrationEvent>, AiSignalGeneratedHandler>();
        return builder;
    }
}
