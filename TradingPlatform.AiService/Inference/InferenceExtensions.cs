namespace TradingPlatform.AiService.Inference;

internal static class InferenceExtensions
{
    /// <summary>ONNX Runtime with the provider chosen at start (<see cref="OnnxExecution"/>), from the <c>Inference</c> section.</summary>
    public static IHostApplicationBuilder AddInference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section);
        builder.Services.AddSingleton<OnnxExecution>();
        builder.Services.AddHostedService<InferenceStartup>();
        return builder;
    }
}
