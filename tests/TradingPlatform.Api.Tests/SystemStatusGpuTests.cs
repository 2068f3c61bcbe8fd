using System.Net;
using System.Text.Json;
using TradingPlatform.Api.Identity.Users;
using TradingPlatform.Api.Tests.Support;
using TradingPlatform.Api.Tests.Support.Auth;
using TradingPlatform.ServiceDefaults.SystemInfo;
using TradingPlatform.Testing;

namespace TradingPlatform.Api.Tests;

/// <summary>
/// <c>/api/status</c>'s GPU section as the stand-in AiService reports it: each GPU's name, memory total and used and
/// utilisation, the execution provider and the Monte Carlo backend; with no GPU an empty list and a reason that says so.
/// The GPUs are those NvidiaSmiParser makes of the line <c>0, NVIDIA H200, 143771, 1536, 37</c> (its own tests parse it).
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class SystemStatusGpuTests(InfrastructureFixture infrastructure)
{
    private static readonly InferenceInfo OnGpu = new("CUDAExecutionProvider", null, "1.31.0", ["CUDAExecutionProvider", "CPUExecutionProvider"],
        new MonteCarloInfo("Cuda", "Cuda NVIDIA H200", null));

    private static readonly InferenceInfo OnCpu = new("CPUExecutionProvider", "The CUDA execution provider does not load here", "1.31.0", ["CPUExecutionProvider"],
        new MonteCarloInfo("Cpu", "CPU (plain C#, 2 threads)", "no GPU: ILGPU found no CUDA device"));

    private async Task<JsonElement> StatusAsync(AiServiceStub ai)
    {
        await using var factory = await ApiFactory.StartAsync(infrastructure, overrides:
        [
            ("services:ai:http:0", ai.Url),
            ("services:worker:http:0", $"http://127.0.0.1:{ClosedPort.Next()}"),
        ]);
        var (_, client) = await factory.CreateUserWithClientAsync(Roles.Viewer);
        using var response = await client.GetAsync("/api/status");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    [Fact]
    public async Task Each_gpu_its_memory_and_utilisation_the_provider_and_the_monte_carlo_backend_are_reported()
    {
        await using var ai = await AiServiceStub.StartAsync(inference: OnGpu, gpus: [new GpuInfo("gpu0", "NVIDIA H200", 143771, 1536, 37)]);

        var data = await StatusAsync(ai);

        var gpu = Assert.Single(data.GetProperty("gpus").EnumerateArray());
        Assert.Equal(("gpu0", "NVIDIA H200", 143771L, 1536L, 37.0), (gpu.GetProperty("id").GetString(), gpu.GetProperty("name").GetString(),
            gpu.GetProperty("memoryTotal").GetInt64(), gpu.GetProperty("memoryUsed").GetInt64(), gpu.GetProperty("utilization").GetDouble()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("gpusReason").ValueKind);
        var inference = data.GetProperty("inference");
        Assert.Equal("CUDAExecutionProvider", inference.GetProperty("executionProvider").GetString());
        var monteCarlo = inference.GetProperty("monteCarlo");
        Assert.Equal(("Cuda", "Cuda NVIDIA H200"), (monteCarlo.GetProperty("backend").GetString(), monteCarlo.GetProperty("device").GetString()));
    }

    [Fact]
    public async Task Without_a_gpu_the_list_is_empty_and_the_reason_says_so_with_where_models_and_paths_run()
    {
        await using var ai = await AiServiceStub.StartAsync(inference: OnCpu, gpus: []);

        var data = await StatusAsync(ai);

        Assert.Empty(data.GetProperty("gpus").EnumerateArray());
        var reason = data.GetProperty("gpusReason").GetString()!;
        Assert.StartsWith("no GPU:", reason, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", reason, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo paths on Cpu", reason, StringComparison.Ordinal);
        var monteCarlo = data.GetProperty("inference").GetProperty("monteCarlo");
        Assert.Equal("no GPU: ILGPU found no CUDA device", monteCarlo.GetProperty("gpuUnavailableReason").GetString());
    }

    [Fact]
    public async Task An_aiservice_that_does_not_answer_leaves_an_empty_list_and_says_it_did_not_answer()
    {
        await using var ai = await AiServiceStub.StartAsync();

        var data = await StatusAsync(ai);

        Assert.Empty(data.GetProperty("gpus").EnumerateArray());
        Assert.Equal("no GPU listed: the AiService did not answer", data.GetProperty("gpusReason").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("inference").ValueKind);
    }
}
