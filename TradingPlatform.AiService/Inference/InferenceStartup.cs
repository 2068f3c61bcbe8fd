using TradingPlatform.AiService.Forecasting.MonteCarlo;

namespace TradingPlatform.AiService.Inference;

/// <summary>
/// Creates <see cref="OnnxExecution"/> while the service starts, so that the provider is chosen (and logged) before the
/// first request (the Monte Carlo engine with it), and a required CUDA provider that does not load, or mismatched ONNX Runtime libraries, stop the start.
/// </summary>
internal sealed class InferenceStartup(OnnxExecution execution, MonteCarloForecaster monteCarlo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = execution.Provider;
        _ = monteCarlo.Info;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
