using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TradingPlatform.AiService.Inference;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Forecasting.Onnx;
using TradingPlatform.ServiceDefaults.SystemInfo;
using TradingPlatform.Testing;

namespace TradingPlatform.AiService.Tests.Inference;

/// <summary>
/// The execution provider chosen at start, and sessions on it. Where CUDA loads (a GPU machine with its CUDA and cuDNN
/// libraries) the provider is CUDA; anywhere else the CPU, with the reason CUDA did not load. Each branch asserts what
/// that machine must show; this development machine has no GPU, so here the CPU branches run.
/// </summary>
[Collection(InfrastructureFixture.CollectionName)]
public sealed class OnnxExecutionTests(InfrastructureFixture infrastructure)
{
    private const string Cuda = "CUDAExecutionProvider";
    private const string Cpu = "CPUExecutionProvider";

    private static OnnxExecution Create(ExecutionProviderPreference preference) =>
        new(Options.Create(new InferenceOptions { ExecutionProvider = preference }), NullLogger<OnnxExecution>.Instance);

    private static bool CudaLoads()
    {
        try
        {
            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
            options.AppendExecutionProvider_CUDA(0);
            return true;
        }
        catch (OnnxRuntimeException)
        {
            return false;
        }
    }

    [Fact]
    public async Task The_service_reports_its_provider_CUDA_where_it_loads_and_the_CPU_with_the_reason_elsewhere()
    {
        await using var factory = new ServiceFactory<Program>(infrastructure.Configuration);
        using var client = factory.CreateClient();

        var info = await client.GetFromJsonAsync<InferenceInfo>("/api/system/inference");

        Assert.NotNull(info);
        Assert.Contains(Cuda, info.CompiledProviders);
        Assert.Contains(Cpu, info.CompiledProviders);
        Assert.Matches(@"^1\.31\.\d+$", info.OnnxRuntimeVersion);
        if (CudaLoads())
        {
            Assert.Equal((Cuda, (string?)null), (info.ExecutionProvider, info.FallbackReason));
        }
        else
        {
            Assert.Equal(Cpu, info.ExecutionProvider);
            Assert.StartsWith("The CUDA execution provider does not load here: ", info.FallbackReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_CPU_can_be_chosen_and_a_required_CUDA_that_does_not_load_stops_the_start()
    {
        var cpu = Create(ExecutionProviderPreference.Cpu);
        Assert.Equal((Cpu, "Inference:ExecutionProvider is Cpu."), (cpu.Provider, cpu.FallbackReason));

        if (CudaLoads())
        {
            Assert.Equal(Cuda, Create(ExecutionProviderPreference.Cuda).Provider);
        }
        else
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Create(ExecutionProviderPreference.Cuda));
            Assert.StartsWith("Inference:ExecutionProvider is Cuda, but the CUDA execution provider does not load: ", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_session_on_the_chosen_provider_runs_an_exported_forecaster_as_the_network_computes_it_and_refuses_a_corrupt_model()
    {
        var network = new NBeatsNetwork(new NBeatsOptions
        {
            Lookback = 12, Horizon = 4, StackType = NBeatsStackType.Generic, Stacks = 2, BlocksPerStack = 1, LayersPerBlock = 2, HiddenUnits = 16, Seed = 7,
        });
        var history = Enumerable.Range(0, 12).Select(i => 100.0 + (3 * Math.Sin(i / 2.0)) + (0.5 * i)).ToArray();
        var expected = new NBeatsForecaster(network).Forecast(history);
        var execution = Create(ExecutionProviderPreference.Auto);

        using var session = execution.CreateSession(NBeatsOnnxExporter.Export(network));
        var input = new DenseTensor<float>(history.Select(p => (float)p).ToArray(), [1, 12]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(NBeatsOnnxExporter.InputName, input)]);
        var forecast = results.Single().AsEnumerable<float>().ToArray();

        Assert.Equal(4, forecast.Length);
        for (var h = 0; h < 4; h++)
        {
            // float32 against the network's double: within 1e-5 of the price level (docs/forecasting-nbeats.md).
            Assert.InRange(Math.Abs(forecast[h] - expected[h]) / Math.Max(history[^1], Math.Abs(expected[h])), 0, 1e-5);
        }

        Assert.Throws<OnnxRuntimeException>(() => execution.CreateSession([1, 2, 3, 4, 5]));
    }
}
