using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting.MonteCarlo;
using TradingPlatform.AiService.Forecasting.Predictions;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Forecasts from the active N-BEATS models (seed 003's <c>/api/infer/forecast/nbeats</c>, and a batch of many series),
/// and seed 000's <c>/api/predict-trend</c> from the same forecast. Every forecast served is recorded as the caller's
/// prediction (<see cref="PredictionRecorder"/>, off the request path) and scored once its horizon has passed.
/// </summary>
public static class ForecastApi
{
    public static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/infer/forecast").RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Forecasting");
        group.MapPost("/nbeats", ForecastAsync).MeteredAs(AiFeatures.Forecast).WithName("ForecastNBeats").WithSummary("One series' forecast with its calibrated interval, from the symbol's active model.");
        group.MapPost("/nbeats/batch", BatchAsync).MeteredAs(AiFeatures.ForecastBatch).WithName("ForecastNBeatsBatch").WithSummary("Many series' forecasts in one call, one ONNX batch per model.");
        endpoints.MapPost("/api/predict-trend", PredictTrendAsync).RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().MeteredAs(AiFeatures.Trend).WithTags("Forecasting")
            .WithName("PredictTrend").WithSummary("The direction the active model expects over its horizon, with its probability from the calibrated interval.");
        return endpoints;
    }

    private static Task<Results<Ok<ForecastResponse>, ProblemHttpResult>> ForecastAsync(
        ForecastRequest? request, ForecastService service, PredictionRecorder predictions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync(request, service, forecast =>
        {
            predictions.Record(user, forecast);
            return forecast;
        }, cancellationToken);

    private static Task<Results<Ok<TrendPrediction>, ProblemHttpResult>> PredictTrendAsync(
        ForecastRequest? request, ForecastService service, PredictionRecorder predictions, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync(request, service, forecast =>
        {
            var trend = TrendPrediction.From(forecast);
            predictions.Record(user, forecast, trend);
            return trend;
        }, cancellationToken);

    /// <summary>One series' forecast, answered as <paramref name="answer"/> makes of it, or the problem that stopped it.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> OneAsync<T>(
        ForecastRequest? request, ForecastService service, Func<ForecastResponse, T> answer, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.Problem("A JSON body with symbol, interval and optionally history and horizon is required.", statusCode: 400);
        }

        var (forecast, problem) = (await service.ForecastAsync([request], cancellationToken))[0];
        return forecast is not null ? TypedResults.Ok(answer(forecast)) : Problem(problem!);
    }

    private static async Task<Results<Ok<List<ForecastBatchItem>>, ProblemHttpResult>> BatchAsync(
        ForecastBatchRequest? request, ForecastService service, PredictionRecorder predictions, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request?.Items is not { Count: > 0 } items)
        {
            return TypedResults.Problem("items is required: a list of forecast requests.", statusCode: 400);
        }

        if (items.Count > ForecastService.MaxBatch)
        {
            return TypedResults.Problem($"items has {items.Count} entries; at most {ForecastService.MaxBatch} per call.", statusCode: 400);
        }

        var paths = items.Sum(i => i?.MonteCarlo is { } asked ? (long)(asked.Paths ?? ForecastMonteCarloRequest.DefaultPaths) : 0);
        if (paths > ForecastMonteCarloRequest.MaxPaths)
        {
            return TypedResults.Problem($"The items ask for {paths:N0} Monte Carlo paths in all; at most {ForecastMonteCarloRequest.MaxPaths:N0} per call.", statusCode: 400,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["items"] = ["Too many Monte Carlo paths in one call."] } });
        }

        var results = await service.ForecastAsync(items, cancellationToken);
        foreach (var (forecast, _) in results)
        {
            if (forecast is not null)
            {
                predictions.Record(user, forecast);
            }
        }

        return TypedResults.Ok(results.Select(r => new ForecastBatchItem(r.Forecast, r.Problem)).ToList());
    }

    private static ProblemHttpResult Problem(ForecastProblem problem) =>
        TypedResults.Problem(problem.Message, statusCode: problem.Status,
            extensions: problem.Field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [problem.Field] = [problem.Message] } });
}
