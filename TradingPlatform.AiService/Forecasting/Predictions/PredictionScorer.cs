using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Training;

namespace TradingPlatform.AiService.Forecasting.Predictions;

/// <summary>
/// Scores the predictions that are due (their last predicted candle has closed) against the realised closes in
/// <c>trading.candles</c>: each step's candle is the one that opened exactly that many intervals after the anchor.
/// When all are there the prediction is scored; when one is missing it waits, and once <see cref="PredictionOptions.Grace"/>
/// has passed since it was due it is unscorable, with the missing steps listed (a gap is never filled).
/// Safe with several replicas and idempotent: each batch is locked with <c>FOR UPDATE SKIP LOCKED</c> among the
/// pending ones and written in the same transaction, so a prediction is scored once, by one replica.
/// </summary>
internal sealed partial class PredictionScorer(IServiceScopeFactory scopes, IOptions<PredictionOptions> options, TimeProvider time, ILogger<PredictionScorer> logger)
{
    private static readonly DateTimeOffset Start = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One pass over every due prediction; returns how many it scored and how many it found unscorable.</summary>
    public async Task<(int Scored, int Unscorable)> ScoreDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var after = (Due: Start, Id: Guid.Empty);
        var (scored, unscorable) = (0, 0);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            // The retrying strategy runs the whole transaction again on a transient failure, from a clean context.
            var batch = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                (Db: db, After: after, Now: now), (_, state, ct) => ScoreBatchAsync(state.Db, state.After, state.Now, ct), null, cancellationToken);
            (scored, unscorable) = (scored + batch.Scored, unscorable + batch.Unscorable);
            if (batch.Count < options.Value.ScoreBatchSize)
            {
                return (scored, unscorable);
            }

            after = batch.Last;
        }
    }

    private async Task<(int Count, (DateTimeOffset Due, Guid Id) Last, int Scored, int Unscorable)> ScoreBatchAsync(
        AiDbContext db, (DateTimeOffset Due, Guid Id) after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var (grace, batchSize) = (options.Value.Grace, options.Value.ScoreBatchSize);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Keyset over (DueAt, Id) so that predictions still waiting for a candle do not hold up the ones after them.
        var batch = await db.Predictions.FromSql($"""
            SELECT * FROM ai.predictions
            WHERE "Status" = 'Pending' AND "DueAt" <= {now} AND ("DueAt", "Id") > ({after.Due}, {after.Id})
            ORDER BY "DueAt", "Id" LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return (0, after, 0, 0);
        }

        // Before scoring, which may move a prediction's DueAt.
        var last = (batch[^1].DueAt, batch[^1].Id.Value);
        var (scored, unscorable) = (0, 0);
        foreach (var prediction in batch)
        {
            switch (await ScoreAsync(db, prediction, now, grace, cancellationToken))
            {
                case PredictionStatus.Scored:
                    scored++;
                    break;
                case PredictionStatus.Unscorable:
                    unscorable++;
                    LogUnscorable(logger, prediction.Id.Value, prediction.Symbol, prediction.Interval, prediction.MissingSteps ?? "[]");
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (batch.Count, last, scored, unscorable);
    }

    private static async Task<PredictionStatus> ScoreAsync(AiDbContext db, Prediction prediction, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        var step = CandleSteps.Of(prediction.Interval);
        var steps = Enumerable.Range(1, prediction.Horizon).ToList();
        if (prediction.AnchorTime is null)
        {
            // A history the caller sent: taken to end at the latest candle stored when it was issued.
            var anchor = await db.Database.SqlQuery<DateTimeOffset?>($"""
                SELECT max(open_time) AS "Value" FROM trading.candles
                WHERE symbol = {prediction.Symbol} AND interval = {prediction.Interval} AND open_time <= {prediction.IssuedAt}
                """).SingleAsync(cancellationToken);
            if (anchor is null)
            {
                return Unscorable(prediction, steps, now, grace);
            }

            prediction.AnchorTime = anchor;
            prediction.DueAt = anchor.Value + (step * (prediction.Horizon + 1));
            if (prediction.DueAt > now)
            {
                return PredictionStatus.Pending;
            }
        }

        var from = prediction.AnchorTime.Value;
        var to = from + (step * prediction.Horizon);
        var bars = await db.Database.SqlQuery<CandleSeries.Bar>($"""
            SELECT open_time AS "OpenTime", close AS "Close" FROM trading.candles
            WHERE symbol = {prediction.Symbol} AND interval = {prediction.Interval} AND open_time > {from} AND open_time <= {to}
            """).ToListAsync(cancellationToken);
        var closes = bars.ToDictionary(b => b.OpenTime.UtcTicks, b => (double)b.Close);
        var missing = steps.Where(h => !closes.ContainsKey((from + (step * h)).UtcTicks)).ToList();
        if (missing.Count > 0)
        {
            return Unscorable(prediction, missing, now, grace);
        }

        var points = JsonSerializer.Deserialize<List<ForecastPoint>>(prediction.Points, AiJson.Options) ?? [];
        var realised = steps.Select(h => closes[(from + (step * h)).UtcTicks]).ToList();
        var errors = ErrorFigures.Of(points, realised, prediction.AnchorPrice, prediction.Direction);
        prediction.Realised = JsonSerializer.Serialize(
            steps.Select(h => new RealisedPoint(h, from + (step * h), realised[h - 1], realised[h - 1] >= points[h - 1].Lower && realised[h - 1] <= points[h - 1].Upper)),
            AiJson.Options);
        prediction.Mae = errors.Mae;
        prediction.Smape = errors.Smape;
        prediction.PointsInside = errors.PointsInside;
        prediction.DirectionHit = errors.DirectionHit;
        prediction.Status = PredictionStatus.Scored;
        prediction.ScoredAt = now;
        return PredictionStatus.Scored;
    }

    /// <summary>Unscorable once the grace has passed since it was due; until then it waits for the candles.</summary>
    private static PredictionStatus Unscorable(Prediction prediction, List<int> missing, DateTimeOffset now, TimeSpan grace)
    {
        if (now < prediction.DueAt + grace)
        {
            return PredictionStatus.Pending;
        }

        prediction.MissingSteps = JsonSerializer.Serialize(missing, AiJson.Options);
        prediction.Status = PredictionStatus.Unscorable;
        prediction.ScoredAt = now;
        return PredictionStatus.Unscorable;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction {PredictionId} ({Symbol} {Interval}) is unscorable: no candle for steps {MissingSteps}.")]
    private static partial void LogUnscorable(ILogger logger, Guid predictionId, string symbol, string interval, string missingSteps);
}
