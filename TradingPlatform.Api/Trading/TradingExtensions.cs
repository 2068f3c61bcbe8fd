using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingPlatform.Api.Accounts;
using TradingPlatform.Api.Executions;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.ServiceDefaults.Data;
using TradingPlatform.Api.Market;
using TradingPlatform.Api.Orders;
using TradingPlatform.Api.Portfolio;
using TradingPlatform.Api.Positions;
using TradingPlatform.Api.TickProcessing;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Market;
using TradingPlatform.Trading.Infrastructure.Accounts;

namespace TradingPlatform.Api.Trading;

public static class TradingExtensions
{
    /// <summary>
    /// Accounts, orders, positions, portfolio, ledger and executions, with the tick processor. The time-driven work no
    /// tick brings (DAY-order expiry, funding, equity snapshots) is the Worker's recurring jobs.
    /// </summary>
    public static IHostApplicationBuilder AddTrading(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<QuoteBook>();
        services.AddSingleton<IMarketView, ApiMarketView>();
        services.AddSingleton<TickProcessor>();
        services.AddSingleton<ITickSubscriber>(provider => provider.GetRequiredService<TickProcessor>());
        services.AddScoped<AccountBookStore>();
        services.AddScoped<AccountBookReader>();
        services.AddScoped<AccountService>();
        services.AddScoped<OrderService>();
        services.AddScoped<PositionService>();
        services.AddScoped<PortfolioService>();
        services.AddScoped<DefaultAccountResolver>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTradingEndpoints(this IEndpointRouteBuilder routes)
    {
        var trading = routes.MapGroup("").RequireAuthorization(AuthorizationPolicies.Viewer).RequireSchema<TradingDbContext>();
        trading.MapAccountsApi();
        trading.MapOrdersApi();
        trading.MapPositionsApi();
        trading.MapPortfolioApi();
        trading.MapTradingApi();
        trading.MapExecutionsApi();
        return routes;
    }
}
