using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Logs.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Metrics.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Trace.V1;
using TradingPlatform.Hosting.Telemetry.Receiver;

namespace TradingPlatform.Hosting.Telemetry;

/// <summary>
/// The AppHost's OTLP receiver, as Aspire's dashboard has it: the three Export services over gRPC and the three
/// <c>/v1/*</c> POSTs over HTTP, all feeding the singleton <see cref="TelemetryStore"/>. The dashboard host maps them on
/// its own listeners (<c>.RequireHost("*:18889")</c> / <c>"*:18890"</c>).
/// </summary>
public static class OtlpReceiverExtensions
{
    /// <summary>gRPC, the <see cref="TelemetryStore"/>, <see cref="TelemetryLimits"/> (section <c>Dashboard:Telemetry</c>) and the API-key check.</summary>
    public static IServiceCollection AddOtlpReceiver(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TelemetryLimits>().BindConfiguration(TelemetryLimits.Section);
        services.TryAddSingleton<TelemetryStore>();
        services.TryAddSingleton<OtlpApiKeyValidator>();
        services.TryAddSingleton<OtlpApiKeyInterceptor>();

        // The key check and the size limit are set per service, not globally, so other gRPC services of the host keep theirs.
        services.AddGrpc()
            .AddServiceOptions<OtlpTraceService>(ConfigureService)
            .AddServiceOptions<OtlpLogsService>(ConfigureService)
            .AddServiceOptions<OtlpMetricsService>(ConfigureService);
        return services;
    }

    /// <summary>The gRPC Export services (HTTP/2). The result applies conventions to all three.</summary>
    public static IEndpointConventionBuilder MapOtlpGrpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = new EndpointConventionBuilderGroup(
        [
            endpoints.MapGrpcService<OtlpTraceService>(),
            endpoints.MapGrpcService<OtlpLogsService>(),
            endpoints.MapGrpcService<OtlpMetricsService>(),
        ]);

        // Exporters authenticate with the OTLP key, never with the dashboard's browser login.
        group.AllowAnonymous();
        return group;
    }

    /// <summary><c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c> (protobuf or JSON). The result applies conventions to all three.</summary>
    public static IEndpointConventionBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/v1");
        group.MapPost("/traces", (RequestDelegate)(context =>
            OtlpHttpHandler.HandleAsync<ExportTraceServiceRequest, ExportTraceServiceResponse>(context, (store, request) => store.Add(request))));
        group.MapPost("/logs", (RequestDelegate)(context =>
            OtlpHttpHandler.HandleAsync<ExportLogsServiceRequest, ExportLogsServiceResponse>(context, (store, request) => store.Add(request))));
        group.MapPost("/metrics", (RequestDelegate)(context =>
            OtlpHttpHandler.HandleAsync<ExportMetricsServiceRequest, ExportMetricsServiceResponse>(context, (store, request) => store.Add(request))));
        group.AllowAnonymous();
        return group;
    }

    private static void ConfigureService(Grpc.AspNetCore.Server.GrpcServiceOptions options)
    {
        options.MaxReceiveMessageSize = OtlpHttpHandler.MaxBodyBytes;
        options.Interceptors.Add<OtlpApiKeyInterceptor>();
    }
}
