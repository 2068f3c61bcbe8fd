using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.ServiceDefaults.SystemInfo;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>Seed 003's system endpoints against the real servers; the sibling services are a stand-in (ai) and absent (worker).</summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class SystemStatusTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    /// <summary>What the stand-in AiService says it runs on (a CPU fallback, as on a machine without CUDA).</summary>
    private static readonly InferenceInfo Inference =
        new("CPUExecutionProvider", "The CUDA execution provider does not load here: libcudart.so.13 is missing", "1.31.0", ["CUDAExecutionProvider", "CPUExecutionProvider"]);

    private AiServiceStub _ai = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _ai = await AiServiceStub.StartAsync(inference: Inference);
        _factory = await ApiFactory.StartAsync(infrastructure, overrides:
        [
            ("services:ai:http:0", _ai.Url),
            ("services:worker:http:0", $"http://127.0.0.1:{ClosedPort.Next()}"),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _ai.DisposeAsync();
    }

    [Fact]
    public async Task Status_reports_every_component_from_live_checks()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);

        using var response = await client.GetAsync("/api/status");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        var components = data.GetProperty("components");
        foreach (var (id, product) in new[] { ("postgres", "PostgreSQL 15"), ("redis", "Redis 7"), ("rabbitmq", "RabbitMQ 3") })
        {
            var component = components.GetProperty(id);
            Assert.Equal("ok", component.GetProperty("status").GetString());
            Assert.True(component.GetProperty("running").GetBoolean());
            Assert.StartsWith(product, component.GetProperty("version").GetString(), StringComparison.Ordinal);
        }

        Assert.Matches(@"^\d+d \d\d:\d\d:\d\d$", components.GetProperty("postgres").GetProperty("uptime").GetString()!);
        Assert.Equal("ok", components.GetProperty("api").GetProperty("status").GetString());
        var worker = components.GetProperty("worker");
        Assert.Equal("error", worker.GetProperty("status").GetString());
        Assert.False(worker.GetProperty("running").GetBoolean());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("gpus").ValueKind);

        // How the AiService runs its models, as it reported it.
        var inference = data.GetProperty("inference");
        Assert.Equal(Inference.ExecutionProvider, inference.GetProperty("executionProvider").GetString());
        Assert.Equal(Inference.FallbackReason, inference.GetProperty("fallbackReason").GetString());
        Assert.Equal(Inference.OnnxRuntimeVersion, inference.GetProperty("onnxRuntimeVersion").GetString());
        Assert.Equal(Inference.CompiledProviders, inference.GetProperty("compiledProviders").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Component_metrics_count_this_apis_requests_and_unknown_components_are_404()
    {
        var (_, client) = await _factory.CreateUserWithClientAsync(Roles.Viewer);
        await client.GetAsync("/api/no-such-thing");

        using var api = await client.GetAsync("/api/components/api/metrics");
        var requests = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("requests");
        Assert.True(requests.GetProperty("requests").GetInt64() >= 1);
        Assert.True(requests.GetProperty("clientErrors").GetInt64() >= 1);

        using var unknown = await client.GetAsync("/api/components/mainframe/metrics");
        await Envelope.AssertErrorAsync(unknown, 404, "NOT_FOUND_ERROR");
    }

    [Fact]
    public async Task Status_needs_a_signed_in_user()
    {
        using var anonymous = _factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/status");
        await Envelope.AssertErrorAsync(response, 401, "AUTHENTICATION_ERROR");
    }
}
