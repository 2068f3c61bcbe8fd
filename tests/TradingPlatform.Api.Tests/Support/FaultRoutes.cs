using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace TradingPlatform.Api.Tests.Support;

/// <summary>
/// Gives requests a client address, and adds, after the Api's own pipeline (so inside its exception handling),
/// <c>/test/boom</c> (a bug: an unhandled exception) and <c>/test/outage</c> (the database connection refused).
/// </summary>
internal sealed class FaultRoutes(Func<IPAddress> clientIp) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = clientIp();
            return nextMiddleware(context);
        });
        next(app);
        app.Map("/test/boom", branch => branch.Run(_ => throw new InvalidOperationException("secret internals: the ledger is at /srv/ledger")));
        app.Map("/test/outage", branch => branch.Run(_ =>
            throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))));
    };
}
