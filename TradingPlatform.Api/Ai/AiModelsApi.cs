using TradingPlatform.Api.Identity;

namespace TradingPlatform.Api.Ai;

/// <summary>
/// Seed 003's training and forecasting endpoints and seed 000's trend prediction, served by the AiService (where the models and the GPU are) and
/// answered here in the Api's envelope: the Api checks the caller's token (its deny list and session included) and
/// forwards it, and the AiService checks that a training run is the caller's.
/// </summary>
public static class AiModelsApi
{
    public static IEndpointRouteBuilder MapAiModelsApi(this IEndpointRouteBuilder routes)
    {
        var training = routes.MapGroup("/api/training").WithTags("Training");
        training.MapPost("/start", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("StartTraining").WithSummary("Starts training an N-BEATS model on stored candles (202 with the run); admins may force its activation.");
        training.MapGet("/", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("ListTrainingRuns").WithSummary("The caller's training runs, newest first.");
        training.MapGet("/{id:guid}", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("GetTrainingRun").WithSummary("A training run's status, progress, and the evaluated model it stored.");
        training.MapGet("/{id:guid}/logs", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("GetTrainingLogs").WithSummary("A training run's training and validation loss per epoch.");
        training.MapPost("/{id:guid}/stop", AiForwardedResults.ForwardAsync).RequireAuthorization(AuthorizationPolicies.Trader)
            .WithName("StopTraining").WithSummary("Stops a queued or running training run.");

        var forecast = routes.MapGroup("/api/infer/forecast").WithTags("Forecasting").RequireAuthorization(AuthorizationPolicies.Viewer);
        forecast.MapPost("/nbeats", AiForwardedResults.ForwardAsync)
            .WithName("ForecastNBeats").WithSummary("A forecast with calibrated intervals from the symbol's active N-BEATS model (history optional).");
        forecast.MapPost("/nbeats/batch", AiForwardedResults.ForwardAsync)
            .WithName("ForecastNBeatsBatch").WithSummary("Forecasts for many series in one call; each item answers on its own.");
        routes.MapPost("/api/predict-trend", AiForwardedResults.ForwardAsync).WithTags("Forecasting").RequireAuthorization(AuthorizationPolicies.Viewer)
            .WithName("PredictTrend").WithSummary("Up or down over the active model's horizon, with the probability from its calibrated interval.");
        return routes;
    }
}
