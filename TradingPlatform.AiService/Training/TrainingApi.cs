using System.Security.Claims;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Costs;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.Security;
using TradingPlatform.Forecasting.NBeats;
using TradingPlatform.Jobs.Training;

namespace TradingPlatform.AiService.Training;

/// <summary>
/// Seed 003's training endpoints: start a run (it trains on the <c>training</c> queue), read its status and per-epoch
/// losses, stop it, list one's own. Another user's run is 404, as an unknown one.
/// </summary>
public static class TrainingApi
{
    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/training").RequireAuthorization().AddEndpointFilter<SchemaReadyFilter>().WithTags("Training");
        group.MapPost("/start", StartAsync).MeteredAs(AiFeatures.Training).WithName("StartTraining").WithSummary("Starts training an N-BEATS model on stored candles; 202 with the run.");
        group.MapGet("/", ListAsync).WithName("ListTrainingRuns").WithSummary("The caller's training runs, newest first (at most 50).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTrainingRun").WithSummary("A training run's status, progress and model.");
        group.MapGet("/{id:guid}/logs", LogsAsync).WithName("GetTrainingLogs").WithSummary("A training run's losses, one entry per epoch.");
        group.MapPost("/{id:guid}/stop", StopAsync).WithName("StopTraining").WithSummary("Stops a queued or running training run.");
        return endpoints;
    }

    private static async Task<Results<Accepted<TrainingRunResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        TrainingRequest? request, ClaimsPrincipal user, AiDbContext db, IBackgroundJobClient jobs, TimeProvider time, Microsoft.Extensions.Options.IOptions<TrainingOptions> options,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body with the training request is required."] });
        }

        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request.ForceActivation && !user.IsAdmin())
        {
            return TypedResults.Problem("Only an admin may force a model's activation.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (symbol, interval) = (request.NormalizedSymbol, request.Interval!);
        // A count, not the bars: the job reads them when it runs.
        var bars = await CandleSeries.CountAsync(db, symbol, interval, request.Start, request.End, options.Value.MaxBars, cancellationToken);
        var network = request.NetworkOptions();
        if (bars == 0)
        {
            return TypedResults.Problem($"There are no {interval} bars of {symbol} in the range; train on a symbol and interval the market data has.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var needed = (int)Math.Ceiling((network.Lookback + network.Horizon + options.Value.MinTestWindows) / options.Value.TestFraction);
        if (bars < needed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["start"] = [$"{bars} {interval} bars of {symbol} are too few for a lookback of {network.Lookback} and a horizon of {network.Horizon}: the held-out evaluation needs at least {needed}."],
            });
        }

        var run = new TrainingRun
        {
            Id = Guid.NewGuid(), OwnerId = user.UserId(), Symbol = symbol, Interval = interval, MaxEpochs = request.TrainingOptions().MaxEpochs,
            Request = JsonSerializer.Serialize(request with { Symbol = symbol }, AiJson.Options), CreatedAt = time.GetUtcNow(),
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        run.JobId = jobs.Enqueue<ITrainingJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/training/{run.Id}", TrainingRunResponse.From(run, null));
    }

    private static async Task<Ok<List<TrainingRunResponse>>> ListAsync(ClaimsPrincipal user, AiDbContext db, CancellationToken cancellationToken)
    {
        var owner = user.UserId();
        var runs = await db.TrainingRuns.AsNoTracking().Where(r => r.OwnerId == owner).OrderByDescending(r => r.CreatedAt).Take(50).ToListAsync(cancellationToken);
        var modelIds = runs.Where(r => r.ModelId != null).Select(r => r.ModelId!.Value).ToList();
        var models = await db.ForecastModels.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return TypedResults.Ok(runs.Select(r => TrainingRunResponse.From(r, r.ModelId is { } id ? models.GetValueOrDefault(id) : null)).ToList());
    }

    private static async Task<Results<Ok<TrainingRunResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, AiDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, user, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        var model = run.ModelId is { } modelId ? await db.ForecastModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken) : null;
        return TypedResults.Ok(TrainingRunResponse.From(run, model));
    }

    private static async Task<Results<Ok<IReadOnlyList<NBeatsEpoch>>, ProblemHttpResult>> LogsAsync(Guid id, ClaimsPrincipal user, AiDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, user, cancellationToken) is { } run ? TypedResults.Ok(TrainingLogs.Read(run)) : NotFound();

    private static async Task<Results<Ok<TrainingRunResponse>, ProblemHttpResult>> StopAsync(
        Guid id, ClaimsPrincipal user, AiDbContext db, IBackgroundJobClient jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, user, cancellationToken) is not { } run)
        {
            return NotFound();
        }

        if (run.Status is not (TrainingStatus.Queued or TrainingStatus.Running))
        {
            return TypedResults.Problem($"The training run has already ended ({run.Status.ToString().ToLowerInvariant()}).", statusCode: StatusCodes.Status409Conflict);
        }

        // Cancelled first, then the job deleted: the job's token fires within Hangfire's cancellation check, and the job
        // never overwrites a run that is no longer running.
        var now = time.GetUtcNow();
        await db.TrainingRuns.Where(r => r.Id == id && (r.Status == TrainingStatus.Queued || r.Status == TrainingStatus.Running))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, TrainingStatus.Cancelled).SetProperty(r => r.CompletedAt, now), cancellationToken);
        if (run.JobId is { } jobId)
        {
            jobs.Delete(jobId);
        }

        var stopped = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        return TypedResults.Ok(TrainingRunResponse.From(stopped, null));
    }

    private static Task<TrainingRun?> FindAsync(AiDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var owner = user.UserId();
        return db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, cancellationToken);
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem("The training run was not found.", statusCode: StatusCodes.Status404NotFound);
}
