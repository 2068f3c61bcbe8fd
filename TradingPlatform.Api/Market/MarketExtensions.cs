using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Infrastructure.Http;
using TradingPlatform.Api.Market.Candles;
using TradingPlatform.Api.Market.Feed;
using TradingPlatform.Api.Market.History;
using TradingPlatform.Api.Market.Import;
using TradingPlatform.Api.Market.Instruments;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Infrastructure.Market;

namespace TradingPlatform.Api.Market;

public static class MarketExtensions
{
    /// <summary>
    /// Instruments (seeded, cached in <see cref="InstrumentRegistry"/>), the quote book with its Redis fallback, candle
    /// storage, the simulated feed (leader only), history generation and the import's body limit.
    /// </summary>
    public static IHostApplicationBuilder AddMarket(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MarketFeedOptions>().BindConfiguration(MarketFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MarketHistoryOptions>().BindConfiguration(MarketHistoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MarketImportOptions>().BindConfiguration(MarketImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<InstrumentRegistry>();
        services.AddScoped<ISchemaSeeder<TradingDbContext>, InstrumentSeeder>();

        services.AddSingleton<RedisQuoteStore>();
        services.AddSingleton<IRemoteQuoteSource>(sp => sp.GetRequiredService<RedisQuoteStore>());
        services.TryAddSingleton<QuoteBook>();

        var connectionString = builder.Configuration.GetConnectionString("tradingdb");
        services.AddSingleton(_ => new CandleStore(NpgsqlDataSource.Create(
            connectionString ?? throw new InvalidOperationException("ConnectionStrings:tradingdb is missing."))));
        services.AddSingleton<CandleReader>();

        services.AddSingleton<MarketHistoryStatus>();
        services.AddHostedService<MarketHistoryService>();
        services.AddHostedService<MarketFeedService>();

        services.AddSingleton(sp => new RequestBodyLimitOverride(
            MarketApi.ImportPath, sp.GetRequiredService<IOptions<MarketImportOptions>>().Value.MaxBodyBytes));
        return builder;
    }
}
