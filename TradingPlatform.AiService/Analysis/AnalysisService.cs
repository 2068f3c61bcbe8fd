using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting;
using TradingPlatform.AiService.News;
using TradingPlatform.AiService.Training;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;

namespace TradingPlatform.AiService.Analysis;

/// <summary>
/// <c>POST /api/ai/analysis</c>'s work: checks the request, reads the latest bars, asks the symbol's active model for
/// its P(up) (when one serves the series), reads the decayed news sentiment, runs <see cref="MarketAnalyzer"/>, stores
/// the recommendation (superseding the caller's earlier active ones of the same symbol, timeframe and type) and, for a
/// confident buy or sell, writes an <see cref="AiSignalGeneratedIntegrationEvent"/> to the outbox in the same transaction.
/// </summary>
internal sealed class AnalysisService(
    AiDbContext db, IOutbox outbox, ActiveModels models, ForecastService forecasts, TimeProvider time,
    IOptions<AnalysisOptions> options, IOptions<NewsOptions> newsOptions)
{
    public async Task<(AnalysisResponse? Response, ForecastProblem? Problem)> AnalyzeAsync(AnalysisRequest request, string userId, CancellationToken cancellationToken)
    {
        var (checkedRequest, problem) = Check(request);
        if (checkedRequest is not { } r)
        {
            return (null, problem);
        }

        var bars = await AnalysisCandles.ReadAsync(db, r.Symbol, r.Timeframe, r.Bars, cancellationToken);
        var needed = Math.Max(AnalysisTypes.MinBars(r.Type), r.Type is AnalysisTypes.SupportResistance or AnalysisTypes.Pattern ? (4 * r.PivotWidth) + 2 : 0);
        if (bars.Count < needed)
        {
            return (null, new ForecastProblem(422, "symbol",
                $"{bars.Count} {r.Timeframe} bars of {r.Symbol} are stored; a {r.Type} analysis needs at least {needed}."));
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        double? probabilityUp = null;
        if (models.Find(r.Symbol, r.Timeframe) is not null)
        {
            var (forecast, _) = (await forecasts.ForecastAsync([new ForecastRequest(r.Symbol, r.Timeframe, null, null)], cancellationToken))[0];
            probabilityUp = forecast is null ? null : TrendPrediction.From(forecast).ProbabilityUp;
        }

        // Validated at start (AnalysisExtensions).
        var window = SentimentWindow.TryParse(settings.SentimentWindow, out var parsed) ? parsed : throw new InvalidOperationException("Analysis:SentimentWindow is not a window.");
        var news = newsOptions.Value;
        var decay = SentimentDecay.Of(await NewsSentimentQuery.ScoresAsync(db, r.Symbol, window, now, news.FutureTolerance, cancellationToken), now, news.SentimentHalfLife);

        var analysis = MarketAnalyzer.Analyze(bars, r.Type, r.PivotWidth, r.Tolerance, r.Depth, probabilityUp, (decay.Score, decay.Label, decay.Count));
        var created = NewsIngestor.Microseconds(now);
        var publish = analysis.Signal != "hold" && analysis.Confidence >= settings.SignalConfidenceThreshold;
        var reasoning = analysis.Reasoning.Length <= AiRecommendation.MaxReasoningLength ? analysis.Reasoning : analysis.Reasoning[..AiRecommendation.MaxReasoningLength];
        var recommendation = new AiRecommendation
        {
            Id = Guid.CreateVersion7(now), UserId = userId, Symbol = r.Symbol, AnalysisType = r.Type, Timeframe = r.Timeframe, Action = analysis.Signal,
            Price = (decimal)analysis.LastPrice, Confidence = analysis.Confidence, Reasoning = reasoning, CreatedAt = created,
            ExpiresAt = created + (r.Interval * settings.RecommendationLifetimeBars), SignalId = publish ? Guid.CreateVersion7(now) : null,
        };

        // One transaction: the older recommendations are superseded only together with the new one (and its signal's
        // outbox row) being stored.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Recommendations
                .Where(x => x.UserId == userId && x.Symbol == r.Symbol && x.Timeframe == r.Timeframe && x.AnalysisType == r.Type
                    && x.SupersededAt == null && x.ExpiresAt > created)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.SupersededAt, created), token);
            db.Recommendations.Add(recommendation);
            if (recommendation.SignalId is { } signalId)
            {
                outbox.Add(new AiSignalGeneratedIntegrationEvent(signalId, recommendation.Id, r.Symbol, analysis.Signal, (decimal)analysis.Confidence,
                    reasoning, recommendation.Price, r.Type, r.Timeframe, created) { OccurredAt = now });
            }

            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
        return (Response(r, bars, analysis, recommendation, window.Text, created), null);
    }

    private static AnalysisResponse Response(Checked r, IReadOnlyList<PriceBar> bars, MarketAnalysis a, AiRecommendation recommendation, string window, DateTimeOffset now)
    {
        var levels = a.Support.Select(l => Level(l, "support", bars)).Concat(a.Resistance.Select(l => Level(l, "resistance", bars))).ToList();
        var detail = new AnalysisDetail(
            a.Trend is { } t ? new TrendPart(t.Direction, Math.Round(t.Strength, 4), Math.Round(t.ChangePercent, 4), Math.Round(t.RSquared, 4), a.ModelProbabilityUp) : null,
            new SupportResistancePart([.. a.Support.Select(l => l.Price)], [.. a.Resistance.Select(l => l.Price)], levels),
            [.. a.Patterns.Select(p => p.Name)],
            [.. a.Patterns.Select(p => new PatternPart(p.Name, p.StartIndex, p.EndIndex, bars[p.StartIndex].OpenTime, bars[p.EndIndex].OpenTime, p.Bias, p.Description))],
            new SentimentPart(a.SentimentScore, a.SentimentLabel, a.SentimentCount, window));
        return new AnalysisResponse(r.Symbol, r.Type, r.Timeframe, a.Confidence, a.Signal, detail, [RecommendationResponse.Of(recommendation, now)], now,
            bars.Count, a.LastPrice, recommendation.SignalId);
    }

    private static LevelPart Level(PriceLevel l, string kind, IReadOnlyList<PriceBar> bars) =>
        new(l.Price, l.Touches, kind, bars[l.FirstIndex].OpenTime, bars[l.LastIndex].OpenTime);

    private readonly record struct Checked(string Symbol, string Type, string Timeframe, TimeSpan Interval, int Bars, int PivotWidth, double Tolerance, double Depth);

    private static (Checked? Request, ForecastProblem? Problem) Check(AnalysisRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Symbol))
        {
            return (null, new ForecastProblem(400, "symbol", "symbol is required."));
        }

        if (SymbolRecognizer.Resolve(request.Symbol.Trim()) is not { } symbol)
        {
            return (null, new ForecastProblem(400, "symbol", $"Unknown symbol '{request.Symbol}'. Known: {string.Join(", ", SymbolRecognizer.Symbols)}."));
        }

        var type = request.AnalysisType?.Trim().ToLowerInvariant();
        if (type is null || !AnalysisTypes.All.Contains(type))
        {
            return (null, new ForecastProblem(400, "analysisType", $"analysisType must be one of: {string.Join(", ", AnalysisTypes.All)}."));
        }

        var timeframe = request.Timeframe?.Trim() ?? "1h";
        if (!TrainingRequest.Intervals.Contains(timeframe, StringComparer.Ordinal))
        {
            return (null, new ForecastProblem(400, "timeframe", $"timeframe must be one of: {string.Join(", ", TrainingRequest.Intervals)}."));
        }

        var p = request.Parameters;
        var bars = p?.Bars ?? AnalysisParameters.DefaultBars;
        if (bars is < 20 or > AnalysisParameters.MaxBars)
        {
            return (null, new ForecastProblem(400, "parameters.bars", $"parameters.bars must be between 20 and {AnalysisParameters.MaxBars}."));
        }

        var width = p?.PivotWidth ?? AnalysisParameters.DefaultPivotWidth;
        if (width is < 1 or > 20)
        {
            return (null, new ForecastProblem(400, "parameters.pivotWidth", "parameters.pivotWidth must be between 1 and 20."));
        }

        var tolerance = p?.Tolerance ?? AnalysisParameters.DefaultTolerance;
        if (!double.IsFinite(tolerance) || tolerance is < 0 or > 0.1)
        {
            return (null, new ForecastProblem(400, "parameters.tolerance", "parameters.tolerance must be between 0 and 0.1 (relative)."));
        }

        var depth = p?.Depth ?? AnalysisParameters.DefaultDepth;
        if (!double.IsFinite(depth) || depth is < 0 or > 0.5)
        {
            return (null, new ForecastProblem(400, "parameters.depth", "parameters.depth must be between 0 and 0.5 (relative)."));
        }

        return (new Checked(symbol, type, timeframe, Duration(timeframe), bars, width, tolerance, depth), null);
    }

    private static TimeSpan Duration(string interval) => interval switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "1h" => TimeSpan.FromHours(1),
        "4h" => TimeSpan.FromHours(4),
        _ => TimeSpan.FromDays(1),
    };
}
