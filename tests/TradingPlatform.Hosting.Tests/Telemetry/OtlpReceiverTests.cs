using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using TradingPlatform.Hosting.Dashboard;
using TradingPlatform.Hosting.Telemetry;
using TradingPlatform.Hosting.Telemetry.Otlp.Collector.Trace.V1;
using RpcStatus = TradingPlatform.Hosting.Telemetry.Otlp.Rpc.Status;

namespace TradingPlatform.Hosting.Tests.Telemetry;

/// <summary>The receiver's protocol edges: the API key on both transports, content types, malformed and oversized bodies, OTLP/JSON.</summary>
public sealed class OtlpReceiverTests
{
    private const string ApiKey = "otlp-key-for-tests";

    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> TraceExport = new(
        MethodType.Unary,
        "opentelemetry.proto.collector.trace.v1.TraceService",
        "Export",
        Marshallers.Create(r => r.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom));

    [Fact]
    public async Task With_an_api_key_configured_grpc_calls_without_it_or_with_a_wrong_one_are_unauthenticated()
    {
        await using var server = await OtlpReceiverServer.StartAsync(ApiKey);
        using var channel = GrpcChannel.ForAddress(server.GrpcEndpoint);
        var invoker = channel.CreateCallInvoker();
        var request = OtlpRequests.Spans("api", (1, 1, 0));

        foreach (var key in new[] { null, "wrong", ApiKey + "x" })
        {
            var headers = new Metadata();
            if (key is not null)
            {
                headers.Add(DashboardSettings.OtlpApiKeyHeader, key);
            }

            var error = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(TraceExport, null, new CallOptions(headers), request).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, error.StatusCode);
        }

        Assert.Empty(server.Store.GetTraces(new TraceQuery()));
        await invoker.AsyncUnaryCall(TraceExport, null, new CallOptions([new(DashboardSettings.OtlpApiKeyHeader, ApiKey)]), request).ResponseAsync;
        Assert.Single(server.Store.GetTraces(new TraceQuery()));
    }

    [Fact]
    public async Task With_an_api_key_configured_http_posts_without_it_or_with_a_wrong_one_get_401()
    {
        await using var server = await OtlpReceiverServer.StartAsync(ApiKey);
        using var client = new HttpClient { BaseAddress = server.HttpEndpoint };
        var body = OtlpRequests.Spans("api", (1, 1, 0)).ToByteArray();

        foreach (var key in new[] { null, "wrong" })
        {
            using var response = await client.SendAsync(Post("/v1/traces", body, "application/x-protobuf", key));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(server.Store.GetTraces(new TraceQuery()));
        using var accepted = await client.SendAsync(Post("/v1/traces", body, "application/x-protobuf", ApiKey));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("application/x-protobuf", accepted.Content.Headers.ContentType?.MediaType);
        ExportTraceServiceResponse.Parser.ParseFrom(await accepted.Content.ReadAsByteArrayAsync());
        Assert.Single(server.Store.GetTraces(new TraceQuery()));
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task The_real_exporter_is_accepted_with_the_key_and_rejected_with_a_wrong_one(OtlpExportProtocol protocol)
    {
        await using var server = await OtlpReceiverServer.StartAsync(ApiKey);
        var wrongSource = "Test.Wrong." + Guid.NewGuid().ToString("N");
        var rightSource = "Test.Right." + Guid.NewGuid().ToString("N");
        using var wrong = Exporters.Tracer(server, protocol, "api", wrongSource, apiKey: "wrong");
        using var right = Exporters.Tracer(server, protocol, "api", rightSource, apiKey: ApiKey);
        using (var source = new System.Diagnostics.ActivitySource(wrongSource))
        {
            source.StartActivity("rejected")?.Dispose();
        }

        using (var source = new System.Diagnostics.ActivitySource(rightSource))
        {
            source.StartActivity("accepted")?.Dispose();
        }

        // A batch processor's flush returns once the export was attempted, so the rejected span had its chance.
        Assert.True(wrong.ForceFlush(10_000));
        Assert.True(right.ForceFlush(10_000));
        var traces = await Eventually.Until(() => server.Store.GetTraces(new TraceQuery()), t => t.Count > 0, "the accepted span");
        Assert.Equal("accepted", Assert.Single(traces).RootName);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/grpc")]
    [InlineData(null)]
    public async Task Other_content_types_get_415(string? contentType)
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.HttpEndpoint };

        using var response = await client.SendAsync(Post("/v1/logs", "hello"u8.ToArray(), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/traces", "application/x-protobuf", new byte[] { 0x0A, 0xFF, 0x01 })]
    [InlineData("/v1/metrics", "application/x-protobuf", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData("/v1/logs", "application/json", new byte[] { (byte)'{', (byte)'x' })]
    public async Task A_malformed_body_gets_400_with_a_status_message(string path, string contentType, byte[] body)
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.HttpEndpoint };

        using var response = await client.SendAsync(Post(path, body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = contentType == "application/json"
            ? JsonParser.Default.Parse<RpcStatus>(await response.Content.ReadAsStringAsync())
            : RpcStatus.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, status.Code);
        Assert.NotEmpty(status.Message);
    }

    [Fact]
    public async Task A_body_over_4_MiB_gets_413_compressed_or_not()
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.HttpEndpoint };
        var body = new byte[(4 * 1024 * 1024) + 1];

        using var plain = await client.SendAsync(Post("/v1/traces", body, "application/x-protobuf"));
        using var gzip = await client.SendAsync(Post("/v1/traces", Gzip(body), "application/x-protobuf", gzip: true));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, gzip.StatusCode);
    }

    [Fact]
    public async Task OTLP_JSON_with_hex_ids_and_a_gzip_body_are_accepted_and_answered_in_kind()
    {
        await using var server = await OtlpReceiverServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.HttpEndpoint };
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"worker"}}]},
              "scopeSpans":[{"scope":{"name":"hangfire"},"spans":[{
                "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
                "name":"backtest","kind":2,"startTimeUnixNano":"1735689600000000000","endTimeUnixNano":"1735689601500000000",
                "attributes":[{"key":"strategy","value":{"stringValue":"momentum"}},{"key":"runs","value":{"intValue":"12"}}],
                "status":{"code":2,"message":"failed"},"futureField":true}]}]}]}
            """;

        using var response = await client.SendAsync(Post("/v1/traces", Gzip(Encoding.UTF8.GetBytes(json)), "application/json", gzip: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonParser.Default.Parse<ExportTraceServiceResponse>(await response.Content.ReadAsStringAsync());
        var span = Assert.Single(server.Store.GetTrace("5b8efff798038103d269b633813fc60c"));
        Assert.Equal(("eee19b7ec3c1b174", "eee19b7ec3c1b173", "backtest", "worker", "hangfire"), (span.SpanId, span.ParentSpanId, span.Name, span.Resource, span.Scope));
        Assert.Equal((TelemetrySpanKind.Server, TelemetrySpanStatus.Error, TimeSpan.FromMilliseconds(1500)), (span.Kind, span.Status, span.Duration));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), span.Start);
        Assert.Equal([new("strategy", "momentum"), new("runs", "12")], span.Attributes);
    }

    private static HttpRequestMessage Post(string path, byte[] body, string? contentType, string? apiKey = null, bool gzip = false)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add(DashboardSettings.OtlpApiKeyHeader, apiKey);
        }

        return request;
    }

    private static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }
}
