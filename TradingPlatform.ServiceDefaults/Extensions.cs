using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TradingPlatform.ServiceDefaults.AppHost;
using TradingPlatform.ServiceDefaults.HealthChecks;
using TradingPlatform.ServiceDefaults.SystemInfo;

// The namespace of the Aspire template's ServiceDefaults, so that `builder.AddServiceDefaults()` needs no using.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Adds the cross-cutting services every TradingPlatform service needs: OpenTelemetry, service discovery,
/// HTTP resilience and health checks. This is the Aspire template's ServiceDefaults; the clients of PostgreSQL, Redis
/// and RabbitMQ are Aspire's client integrations, which each service adds itself (and which bring their own tracing
/// and metrics).
/// </summary>
public static class Extensions
{
    /// <summary>Readiness: every registered check must pass.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>Liveness: only checks tagged <see cref="HealthCheckTags.Live"/>.</summary>
    public const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Time comes from an injected TimeProvider everywhere, so that tests can use a fake one.
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Turn on resilience by default.
            http.AddStandardResilienceHandler();

            // Turn on service discovery by default: "http://ai" resolves from `services:ai:http:0`.
            http.AddServiceDiscovery();
        });

        // DCP ends every resource when the AppHost dies, but it stops a service through its `dotnet run` launcher,
        // which took 7-13 s here (14-17 s for the whole stack); a service that watches the AppHost itself is gone
        // within a second or two of it, however the AppHost went (Ctrl+C, SIGTERM, SIGKILL).
        builder.AddAppHostWatcher();
        builder.Services.AddSystemInfo();

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // EF Core's own meter; Aspire's Npgsql EF Core integration subscribes to Npgsql's only.
                    .AddMeter("Microsoft.EntityFrameworkCore");
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(builder.Environment.ApplicationName)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                        // Health probes arrive every few seconds; tracing them would drown the real requests.
                        aspNetCore.Filter = context =>
                            !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                            && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                    .AddHttpClientInstrumentation(http =>
                        // Likewise for this service's own probes of other services' health (the Api's "ai" check).
                        http.FilterHttpRequestMessage = request =>
                            request.RequestUri?.AbsolutePath is not (HealthEndpointPath or AlivenessEndpointPath))
                    // TradingPlatform.Messaging's producer and consumer spans (MessagingTelemetry.SourceName; a literal,
                    // as the libraries that use ServiceDefaults must not be referenced from here).
                    .AddSource("TradingPlatform.Messaging");
            });

        builder.AddOpenTelemetryExporters();

        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // The AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT to its dashboard; without it there is nobody to export to,
        // and an exporter would only log connection errors.
        var useOtlpExporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (useOtlpExporter)
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddHealthChecks()
            // Liveness: the process answers requests. Dependencies are readiness, never liveness, or an
            // orchestrator would restart a healthy process because the database is down.
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthCheckTags.Live]);

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Outside Development the default writer answers the status text only: check names and failure reasons
        // would tell an outsider which servers we use and how they fail.
        Func<HttpContext, HealthReport, Task>? writer = app.Environment.IsDevelopment()
            ? HealthReportJsonWriter.WriteAsync
            : null;

        app.MapHealthChecks(HealthEndpointPath, CreateOptions(writer, predicate: null));
        app.MapHealthChecks(AlivenessEndpointPath, CreateOptions(writer, r => r.Tags.Contains(HealthCheckTags.Live)));
        app.MapSystemEndpoints();

        return app;
    }

    private static HealthCheckOptions CreateOptions(
        Func<HttpContext, HealthReport, Task>? writer, Func<HealthCheckRegistration, bool>? predicate)
    {
        var options = new HealthCheckOptions { Predicate = predicate };
        if (writer is not null)
        {
            options.ResponseWriter = writer;
        }

        return options;
    }
}
