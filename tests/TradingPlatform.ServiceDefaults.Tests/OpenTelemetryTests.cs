using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace TradingPlatform.ServiceDefaults.Tests;

public sealed class OpenTelemetryTests
{
    [Fact]
    public void Without_an_otlp_endpoint_no_otlp_exporter_is_registered()
    {
        // Set to empty rather than left out, so that an endpoint in the test process's environment cannot leak in.
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" });
        builder.AddServiceDefaults();

        Assert.DoesNotContain(builder.Services, MentionsOtlpExporter);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_are_exported_to_it()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        builder.AddServiceDefaults();
        Assert.Contains(builder.Services, MentionsOtlpExporter);

        await using var app = await TestApp.StartAsync(builder, web => web.MapGet("/ping", () => "pong"));
        using var response = await app.Client.GetAsync(new Uri("/ping", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The request's span sits in the batch processor; flushing exports it synchronously.
        Assert.True(app.App.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        await receiver.TracesReceived.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static bool MentionsOtlpExporter(ServiceDescriptor descriptor) =>
        IsFromOtlpExporter(descriptor.ServiceType)
        || IsFromOtlpExporter(descriptor.ImplementationType)
        || IsFromOtlpExporter(descriptor.IsKeyedService ? descriptor.KeyedImplementationType : null);

    private static bool IsFromOtlpExporter(Type? type) =>
        type is not null
        && (type.Assembly == typeof(OtlpExporterOptions).Assembly || type.GenericTypeArguments.Any(IsFromOtlpExporter));
}
