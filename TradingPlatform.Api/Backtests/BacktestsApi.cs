using Microsoft.AspNetCore.Http.HttpResults;
using TradingPlatform.Api.Backtests.Charts;
using TradingPlatform.Api.Identity;
using TradingPlatform.Api.Identity.Tokens;
using TradingPlatform.Api.Infrastructure.Data;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Api.Infrastructure.Validation;
using TradingPlatform.Trading.Backtesting;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Backtests;

/// <summary>
/// <c>/api/backtests</c> (seed 004): the caller's own backtests, run by the Worker. Anyone signed in may list and read
/// theirs; creating, cancelling and deleting need the trader role. Another user's backtest is a 404.
/// Metric definitions: docs/backtesting-metrics.md.
/// </summary>
public static class BacktestsApi
{
    public static RouteGroupBuilder MapBacktestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/backtests").WithTags("Backtests")
            .RequireAuthorization(AuthorizationPolicies.Viewer).RequireSchema<TradingDbContext>();
        group.MapPost("/", CreateAsync).WithName("CreateBacktest")
            .WithSummary("Queues a backtest of a saved or inline strategy; 202 with its id and Location")
            .WithDescription("Bars of the interval in [start, end) are replayed open → nearer extreme → farther extreme → close (intrabarPath) " +
                "through the live execution simulator; a signal on a close trades at the next bar's open; a bar that reaches both stop-loss " +
                "and take-profit resolves the stop-loss first; positions open at the end close at the last close with costs; gaps are reported, " +
                "never filled. Metrics are defined in docs/backtesting-metrics.md (annualisation from the data's own bar count per year).")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesValidationError()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListBacktests").WithSummary("The caller's backtests, newest first (page, limit; optional status)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetBacktest")
            .WithSummary("One backtest: status, progress, metrics, gaps and the downsampled equity curve (highest and lowest point of each of 1,000 runs)");
        group.MapGet("/{id:guid}/trades", TradesAsync).WithName("ListBacktestTrades").WithSummary("A completed backtest's round trips in exit order (page, limit)");
        group.MapGet("/{id:guid}/chart.png", PngAsync).WithName("GetBacktestChartPng").WithSummary("Equity with drawdown beneath, as PNG")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");
        group.MapGet("/{id:guid}/chart.svg", SvgAsync).WithName("GetBacktestChartSvg").WithSummary("Equity with drawdown beneath, as SVG")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelBacktest").WithSummary("Cancels a queued or running backtest (a running one stops within a second)")
            .RequireAuthorization(AuthorizationPolicies.Trader).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteBacktest").WithSummary("Deletes a backtest and its trades (cancelling it when running)")
            .RequireAuthorization(AuthorizationPolicies.Trader);
        return group;
    }

    private static async Task<Accepted<ApiResponse<BacktestResponse>>> CreateAsync(
        CreateBacktestRequest request, HttpContext http, BacktestService backtests, TimeProvider time)
    {
        var created = await backtests.CreateAsync(http.User.GetUserId().Value, request, http.RequestAborted);
        return ApiResults.Accepted($"/api/backtests/{created.Id}", created, time, "Backtest queued.");
    }

    private static async Task<Ok<PagedResponse<BacktestResponse>>> ListAsync(
        int? page, int? limit, string? status, HttpContext http, BacktestService backtests, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await backtests.ListAsync(http.User.GetUserId().Value, request, ParseStatus(status), http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<Ok<ApiResponse<BacktestResponse>>> GetAsync(Guid id, HttpContext http, BacktestService backtests, TimeProvider time) =>
        ApiResults.Ok(await backtests.GetAsync(http.User.GetUserId().Value, new BacktestId(id), http.RequestAborted), time);

    private static async Task<Ok<PagedResponse<BacktestTradeResponse>>> TradesAsync(
        Guid id, int? page, int? limit, HttpContext http, BacktestService backtests, TimeProvider time)
    {
        var request = PageRequest.From(page, limit);
        var (items, total) = await backtests.TradesAsync(http.User.GetUserId().Value, new BacktestId(id), request, http.RequestAborted);
        return ApiResults.Page(items, request, total, time);
    }

    private static async Task<FileContentHttpResult> PngAsync(Guid id, HttpContext http, BacktestService backtests)
    {
        var (points, title) = await ChartInputAsync(id, http, backtests);
        return TypedResults.File(EquityChart.RenderPng(points, title), "image/png");
    }

    private static async Task<ContentHttpResult> SvgAsync(Guid id, HttpContext http, BacktestService backtests)
    {
        var (points, title) = await ChartInputAsync(id, http, backtests);
        return TypedResults.Content(EquityChart.RenderSvg(points, title), "image/svg+xml");
    }

    private static async Task<Ok<ApiResponse<BacktestResponse>>> CancelAsync(Guid id, HttpContext http, BacktestService backtests, TimeProvider time) =>
        ApiResults.Ok(await backtests.CancelAsync(http.User.GetUserId().Value, new BacktestId(id), http.RequestAborted), time, "Backtest cancelled.");

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, BacktestService backtests)
    {
        await backtests.DeleteAsync(http.User.GetUserId().Value, new BacktestId(id), http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<(IReadOnlyList<EquityCurvePoint> Points, string Title)> ChartInputAsync(Guid id, HttpContext http, BacktestService backtests)
    {
        var run = await backtests.GetRunAsync(http.User.GetUserId().Value, new BacktestId(id), http.RequestAborted);
        if (run.Status != BacktestStatus.Completed || run.EquityCurve is null)
        {
            throw new ApiException(StatusCodes.Status409Conflict, ErrorCodes.Conflict,
                $"Backtest {run.Id} is {BacktestNames.Status(run.Status)}; its chart exists once it has completed.");
        }

        var title = $"{run.Algorithm} {string.Join(", ", run.Symbols)} {run.Interval} {run.Start:yyyy-MM-dd} – {run.End:yyyy-MM-dd}";
        return (BacktestJson.Deserialize<List<EquityCurvePoint>>(run.EquityCurve), title);
    }

    private static BacktestStatus? ParseStatus(string? status)
    {
        if (status is null)
        {
            return null;
        }

        if (Enum.TryParse<BacktestStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
        {
            return parsed;
        }

        var message = $"status is one of: {string.Join(", ", Enum.GetValues<BacktestStatus>().Select(BacktestNames.Status))}.";
        throw new ApiException(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Validation, message,
            new Dictionary<string, string[]> { ["status"] = [message] });
    }
}
