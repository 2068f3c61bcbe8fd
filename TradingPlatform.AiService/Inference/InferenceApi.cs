using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.AiService.Forecasting.MonteCarlo;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Inference;

public static class InferenceApi
{
    /// <summary><c>GET /api/system/inference</c>: the execution provider and the Monte Carlo backend, what the Api's <c>/api/status</c> reports as <c>inference</c>.</summary>
    public static IEndpointRouteBuilder MapInferenceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/system/inference", Describe)
            .WithName("GetInference").WithSummary("How the AiService runs its models: the ONNX Runtime execution provider and version, and where Monte Carlo paths run.")
            .WithTags("System");
        return endpoints;
    }

    private static Ok<InferenceInfo> Describe(OnnxExecution execution, MonteCarloForecaster monteCarlo) =>
        TypedResults.Ok(execution.Info with { MonteCarlo = monteCarlo.Info });
}
