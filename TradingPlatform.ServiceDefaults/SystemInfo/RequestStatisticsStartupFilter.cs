using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TradingPlatform.ServiceDefaults.SystemInfo;

/// <summary>Puts the statistics middleware first, so it sees every request and its final status code.</summary>
internal sealed class RequestStatisticsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestStatisticsMiddleware>();
        next(app);
    };
}
