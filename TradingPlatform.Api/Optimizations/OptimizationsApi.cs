using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Backtests.Charts;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Trading.Persistence;
using TradingPlatform.Trading.Optimization;

namespace TradingPlatform.Api.Optimizations;

/// <summary>
/// <c>/api/optimizations</c>: parameter sweeps and walk-forwards of the caller's strategies, run by the Worker. Reading
/// needs any role, creating, cancelling and deleting the trader role. Another user's is a 404.
/// </summary>
public static class OptimizationsApi
{
    public static RouteGroupBuilder MapOptimizationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/optimizations").WithTags("Optimizations")
            .RequireAuthorization(AuthorizationPolicies.Viewer).RequireSchema<TradingDbContext>();
        group.MapPost("/", CreateAsync).WithName("CreateOptimization")
            .WithSummary("Queues a parameter sweep (grid, objective, constraints) or a walk-forward; 202 with its id and Location")
            .WithDescription("Every combination is a full backtest (same rules as POST /api/backtests); SMA and EMA crossovers are evaluated by an " +
                "exact fast path that equals the engine, on every core. Rows rank feasible (constraints met) first, by the objective. The best " +
                "combination is re-run through the engine and stored as a backtest with its trades (bestBacktestId). A walk-forward optimises " +
                "each in-sample window and tests its best on the next out-of-sample window; efficiency = annualised out-of-sample return ÷ annualised in-sample return.")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesValidationError()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListOptimizations").WithSummary("The caller's sweeps and walk-forwards, newest first (page, limit)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetOptimization")
            .WithSummary("One sweep or walk-forward: status, progress, the ten best rows, the best combination's backtest, the walk-forward windows");
        group.MapGet("/{id:guid}/results", ResultsAsync).WithName("ListOptimizationResults").WithSummary("The ranked rows of a completed sweep (page, limit)");
        group.MapGet("/{id:guid}/heatmap.png", HeatmapPngAsync).WithName("GetOptimizationHeatmapPng")
            .WithSummary("The objective over two parameters (x, y) as a PNG heat map").Produces(StatusCodes.Status200OK, contentType: "image/png");
        group.MapGet("/{id:guid}/heatmap.svg", HeatmapSvgAsync).WithName("GetOptimizationHeatmapSvg")
            .WithSummary("The objective over two parameters (x, y) as an SVG heat map").Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelOptimization").WithSummary("Cancels a queued or running sweep or walk-forward")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteOptimization").WithSummary("Deletes a sweep or walk-forward (and its best backtest)")
            .RequireAuthorization(AuthorizationPolicies.Trader);
        return group;
    }

    private static async Task<Accepted<ApiResponse<OptimizationResponse>>> CreateAsync(
        CreateOptimizationRequest request, HttpContext http, OptimizationService optimizations, TimeProvider time)
    {
        var created = await optimizations.CreateAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Accepted($"/api/optimizations/{created.Id}", created, time, "Optimization queued.");
    }

    private static async Task<Ok<PagedResponse<OptimizationResponse>>> ListAsync(int? page, int? limit, HttpContext http, OptimizationService optimizations, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await optimizations.ListAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<Ok<ApiResponse<OptimizationResponse>>> GetAsync(Guid id, HttpContext http, OptimizationService optimizations, TimeProvider time) =>
        ApiResults.Ok(await optimizations.GetAsync(http.User.GetUserId().Value, new OptimizationId(id), http.RequestAborted), time);

    private static async Task<Ok<PagedResponse<OptimizationRowRecord>>> ResultsAsync(
        Guid id, int? page, int? limit, HttpContext http, OptimizationService optimizations, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await optimizations.ResultsAsync(http.User.GetUserId().Value, new OptimizationId(id), request, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<FileContentHttpResult> HeatmapPngAsync(Guid id, string? x, string? y, HttpContext http, OptimizationService optimizations)
    {
        var chart = await HeatmapAsync(id, x, y, http, optimizations);
        return TypedResults.File(HeatmapChart.RenderPng(chart.Values, chart.XLabels, chart.YLabels, chart.X, chart.Y, chart.Objective, chart.Title), "image/png");
    }

    private static async Task<ContentHttpResult> HeatmapSvgAsync(Guid id, string? x, string? y, HttpContext http, OptimizationService optimizations)
    {
        var chart = await HeatmapAsync(id, x, y, http, optimizations);
        return TypedResults.Content(HeatmapChart.RenderSvg(chart.Values, chart.XLabels, chart.YLabels, chart.X, chart.Y, chart.Objective, chart.Title), "image/svg+xml");
    }

    private static async Task<Ok<ApiResponse<OptimizationResponse>>> CancelAsync(Guid id, HttpContext http, OptimizationService optimizations, TimeProvider time) =>
        ApiResults.Ok(await optimizations.CancelAsync(http.User.GetUserId().Value, new OptimizationId(id), http.RequestAborted), time, "Optimization cancelled.");

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, OptimizationService optimizations)
    {
        await optimizations.DeleteAsync(http.User.GetUserId().Value, new OptimizationId(id), http.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>x and y default to the grid's first two parameters.</summary>
    private static async Task<(double[,] Values, IReadOnlyList<string> XLabels, IReadOnlyList<string> YLabels, string X, string Y, string Objective, string Title)> HeatmapAsync(
        Guid id, string? x, string? y, HttpContext http, OptimizationService optimizations)
    {
        var (run, rows) = await optimizations.CompletedAsync(http.User.GetUserId().Value, new OptimizationId(id), http.RequestAborted);
        var gridNames = GridNames(run.Grid);
        var xName = x ?? gridNames.ElementAtOrDefault(0) ?? "";
        var yName = y ?? gridNames.ElementAtOrDefault(1) ?? "";
        var minimised = SweepObjectives.IsMinimised(SweepObjectives.Parse(run.Objective));
        var (values, xLabels, yLabels) = OptimizationHeatmap.From(rows, xName, yName, minimised);
        return (values, xLabels, yLabels, xName, yName, run.Objective, $"{run.Algorithm} {string.Join(", ", run.Symbols)} {run.Interval}: {run.Objective}");
    }

    private static List<string> GridNames(string grid)
    {
        using var document = System.Text.Json.JsonDocument.Parse(grid);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}
