using TradingPlatform.Hosting.Dashboard;

namespace TradingPlatform.Hosting.Servers;

/// <summary>The OpenTelemetry variables Aspire gives every project so that it exports to the dashboard.</summary>
internal static class OtlpEnvironment
{
    /// <param name="overrideEndpoint">An OTLP endpoint set in the AppHost's configuration (a collector of your own) wins.</param>
    public static void Apply(IDictionary<string, string> environment, DashboardSettings? dashboard, string? overrideEndpoint)
    {
        if (overrideEndpoint is { Length: > 0 })
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = overrideEndpoint;
            return;
        }

        if (dashboard is null)
        {
            return;
        }

        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpGrpcUrl.ToString().TrimEnd('/');
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
        if (dashboard.OtlpApiKey is { } key)
        {
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"{DashboardSettings.OtlpApiKeyHeader}={key}";
        }

        // Aspire's development defaults: export every second, so the dashboard shows a request while it is fresh.
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        environment["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
    }
}
