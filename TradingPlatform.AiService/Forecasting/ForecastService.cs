using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Forecasting.MonteCarlo;
using TradingPlatform.AiService.Inference;
using TradingPlatform.AiService.Training;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Forecasts with the active model of each item's symbol and interval: checks the item (a symbol with an active model,
/// a history of at least the lookback, every price finite and positive, a horizon within the model's), takes the
/// stored closes when no history is given, runs all items of one model as one ONNX batch, and adds the calibrated
/// intervals, and the Monte Carlo paths around the forecast for an item that asks for them.
/// </summary>
internal sealed class ForecastService(ActiveModels models, OnnxExecution execution, AiDbContext db, MonteCarloForecaster monteCarlo)
{
    public const int MaxBatch = 256;

    public async Task<IReadOnlyList<(ForecastResponse? Forecast, ForecastProblem? Problem)>> ForecastAsync(
        IReadOnlyList<ForecastRequest> items, CancellationToken cancellationToken)
    {
        var prepared = new PreparedItem?[items.Count];
        var results = new (ForecastResponse?, ForecastProblem?)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (ready, problem) = await PrepareAsync(items[i], cancellationToken);
            prepared[i] = ready;
            results[i] = (null, problem);
        }

        foreach (var group in Enumerable.Range(0, items.Count).Where(i => prepared[i] is not null).GroupBy(i => prepared[i]!.Model))
        {
            var model = group.Key;
            var indices = group.ToList();
            var lookback = model.Model.Lookback;
            var input = new float[indices.Count * lookback];
            for (var row = 0; row < indices.Count; row++)
            {
                var history = prepared[indices[row]]!.History;
                for (var j = 0; j < lookback; j++)
                {
                    input[(row * lookback) + j] = (float)history[history.Length - lookback + j];
                }
            }

            var output = model.Run(input, indices.Count);
            for (var row = 0; row < indices.Count; row++)
            {
                var item = prepared[indices[row]]!;
                var last = item.History[^1];
                var points = new ForecastPoint[item.Horizon];
                for (var h = 0; h < item.Horizon; h++)
                {
                    var value = (double)output[(row * model.Model.Horizon) + h];
                    var (lower, upper) = model.Interval(h, last, value);
                    points[h] = new ForecastPoint(h + 1, value, lower, upper);
                }

                var paths = item.MonteCarlo is { } asked
                    ? monteCarlo.Simulate(last, points.Select(p => p.Value).ToArray(), model.HalfWidths, model.Model.IntervalLevel, asked, cancellationToken)
                    : null;
                results[indices[row]] = (new ForecastResponse(item.Symbol, item.Interval, last, points,
                    new ForecastMeta(model.Model.Id, model.Model.Name, model.Model.Version, model.Model.Lookback, model.Model.Horizon, model.Model.IntervalLevel,
                        execution.Provider)) { LastTime = item.LastTime, MonteCarlo = paths }, null);
            }
        }

        return results;
    }

    private async Task<(PreparedItem? Ready, ForecastProblem? Problem)> PrepareAsync(ForecastRequest item, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(item.Symbol))
        {
            return (null, new ForecastProblem(400, "symbol", "symbol is required."));
        }

        var symbol = item.Symbol.Trim().ToUpperInvariant();
        var interval = item.Interval ?? "1m";
        if (!TrainingRequest.Intervals.Contains(interval, StringComparer.Ordinal))
        {
            return (null, new ForecastProblem(400, "interval", $"interval must be one of: {string.Join(", ", TrainingRequest.Intervals)}."));
        }

        if (models.Find(symbol, interval) is not { } model)
        {
            return (null, new ForecastProblem(409, "symbol",
                $"No model serves {symbol} {interval}: train one (POST /api/training/start with symbol {symbol} and interval {interval}) and activate it."));
        }

        var lookback = model.Model.Lookback;
        if (item.Horizon is { } horizon && (horizon < 1 || horizon > model.Model.Horizon))
        {
            return (null, new ForecastProblem(400, "horizon", $"horizon must be between 1 and {model.Model.Horizon}, the model's horizon."));
        }

        double[] history;
        DateTimeOffset? lastTime = null;
        if (item.History is { } given)
        {
            history = [.. given];
            if (history.Length < lookback)
            {
                return (null, new ForecastProblem(400, "history", $"history has {history.Length} prices; the model reads the last {lookback}."));
            }

            var bad = Array.FindIndex(history, p => !double.IsFinite(p) || p <= 0);
            if (bad >= 0)
            {
                return (null, new ForecastProblem(400, "history", $"history[{bad}] is {history[bad]}; every price must be finite and above 0."));
            }
        }
        else
        {
            var bars = await CandleSeries.ReadAsync(db, symbol, interval, null, null, lookback, cancellationToken);
            if (bars.Count < lookback)
            {
                return (null, new ForecastProblem(409, "history", $"{bars.Count} {interval} bars of {symbol} are stored; the model reads the last {lookback}. Send a history."));
            }

            history = [.. bars.Select(b => (double)b.Close)];
            lastTime = bars[^1].OpenTime;
        }

        var steps = item.Horizon ?? model.Model.Horizon;
        if (item.MonteCarlo is { } paths && MonteCarloForecaster.Check(paths, history[^1], steps) is { } invalid)
        {
            return (null, invalid);
        }

        return (new PreparedItem(model, history, steps, symbol, interval, lastTime, item.MonteCarlo), null);
    }

    /// <summary>An item checked and ready to run: its model, the history it reads, and what its answer carries.</summary>
    private sealed record PreparedItem(
        ServingModel Model, double[] History, int Horizon, string Symbol, string Interval, DateTimeOffset? LastTime, ForecastMonteCarloRequest? MonteCarlo);
}
