using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Realtime.Connections;

namespace TradingPlatform.Api.Realtime;

/// <summary>
/// The WebSocket endpoints: <c>/ws</c>, <c>/ws/accounts/{accountId}</c> (seed 004) and <c>/api/ws/monitor</c>
/// (seed 003). They are anonymous at the HTTP level because browsers cannot set headers on a WebSocket: the token
/// comes as <c>?token=</c> or in the first message, and is checked by the connection exactly as JwtBearer checks one.
/// </summary>
public static class RealtimeApi
{
    public const string Path = "/ws";
    public const string AccountPath = "/ws/accounts/{accountId:guid}";
    public const string MonitorPath = "/api/ws/monitor";

    public static IEndpointRouteBuilder MapRealtimeApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Map(Path, (HttpContext context) => AcceptAsync(context, EndpointKind.General, null)).AllowAnonymous().ExcludeFromDescription();
        app.Map(AccountPath, (HttpContext context, Guid accountId) => AcceptAsync(context, EndpointKind.Account, accountId))
            .AllowAnonymous().ExcludeFromDescription();
        app.Map(MonitorPath, (HttpContext context) => AcceptAsync(context, EndpointKind.Monitor, null)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task AcceptAsync(HttpContext context, EndpointKind kind, Guid? accountId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrors.Problem(StatusCodes.Status400BadRequest, ErrorCodes.Validation, "This endpoint takes a WebSocket upgrade request.")
                .ExecuteAsync(context);
            return;
        }

        var services = context.RequestServices.GetRequiredService<RealtimeServices>();
        var options = services.Options.Value;
        // Keep-alive pings with a timeout find peers that vanished without a close (a crashed client, a dropped network).
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        });
        using var connection = new RealtimeConnection(socket, services, kind, accountId);
        var token = context.Request.Query["token"].ToString();
        await connection.RunAsync(token.Length > 0 ? token : null, context.RequestAborted);
    }
}
