using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Inference;
using TradingPlatform.Forecasting.Gpu;

namespace TradingPlatform.AiService.Forecasting.MonteCarlo;

internal static class MonteCarloExtensions
{
    /// <summary>
    /// The Monte Carlo engine, one per process, chosen when first resolved (at start, by <see cref="InferenceStartup"/>):
    /// the ILGPU CUDA kernel when a CUDA device answers, plain C# otherwise; <c>Inference:ExecutionProvider = Cpu</c> keeps
    /// it on the CPU as it keeps ONNX Runtime there.
    /// </summary>
    public static IHostApplicationBuilder AddMonteCarlo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var preferGpu = sp.GetRequiredService<IOptions<InferenceOptions>>().Value.ExecutionProvider != ExecutionProviderPreference.Cpu;
            var engine = MonteCarloEngine.Create(preferGpu);
            sp.GetRequiredService<ILogger<MonteCarloForecaster>>().LogInformation(
                "Monte Carlo paths run on {Backend} ({Device}){Reason}", engine.Backend, engine.DeviceName,
                engine.GpuUnavailableReason is null ? "" : $": {engine.GpuUnavailableReason}");
            return engine;
        });
        builder.Services.AddSingleton<MonteCarloForecaster>();
        return builder;
    }
}
