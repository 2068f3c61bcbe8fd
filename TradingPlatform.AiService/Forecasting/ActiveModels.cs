using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;
using TradingPlatform.AiService.Inference;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// The serving model of each symbol and interval, in memory. <see cref="RefreshAsync"/> (every few seconds on every
/// replica, and at once after an activation in this one) reads which models are active, loads a newly activated one
/// completely (its session created) before it replaces the old one with one reference swap, so a request sees the old
/// or the new model, never a half-loaded one or none; the old session is disposed after a grace period.
/// </summary>
internal sealed class ActiveModels(IServiceScopeFactory scopes, OnnxExecution execution, TimeProvider time, ILogger<ActiveModels> logger) : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<(string Symbol, string Interval), ServingModel> _serving = new();
    private readonly List<(ServingModel Model, DateTimeOffset DisposeAfter)> _retired = [];
    private readonly SemaphoreSlim _refresh = new(1, 1);

    public ServingModel? Find(string symbol, string interval) => _serving.GetValueOrDefault((symbol, interval));

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            var active = await db.ForecastModels.AsNoTracking().Where(m => m.IsActive)
                .Select(m => new { m.Id, m.Symbol, m.Interval }).ToListAsync(cancellationToken);
            foreach (var entry in active)
            {
                var key = (entry.Symbol, entry.Interval);
                if (_serving.TryGetValue(key, out var current) && current.Model.Id == entry.Id)
                {
                    continue;
                }

                var model = await db.ForecastModels.AsNoTracking().SingleAsync(m => m.Id == entry.Id, cancellationToken);
                ServingModel loaded;
                try
                {
                    loaded = new ServingModel(model, execution.CreateSession(model.Onnx));
                }
                catch (Exception exception) when (exception is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
                {
                    // The previous model keeps serving; the broken one is named in the log.
                    logger.LogError(exception, "Model {Name} v{Version} ({Id}) does not load; the previous one keeps serving", model.Name, model.Version, model.Id);
                    continue;
                }

                _serving[key] = loaded;
                Retire(current);
                logger.LogInformation("Serving {Name} v{Version} for {Symbol} {Interval}", model.Name, model.Version, model.Symbol, model.Interval);
            }

            foreach (var key in _serving.Keys.Where(k => !active.Any(a => (a.Symbol, a.Interval) == k)).ToList())
            {
                if (_serving.TryRemove(key, out var gone))
                {
                    Retire(gone);
                }
            }

            DisposeRetired();
        }
        finally
        {
            _refresh.Release();
        }
    }

    private void Retire(ServingModel? model)
    {
        if (model is not null)
        {
            _retired.Add((model, time.GetUtcNow() + Grace));
        }
    }

    private void DisposeRetired()
    {
        var now = time.GetUtcNow();
        foreach (var retired in _retired.Where(r => r.DisposeAfter <= now).ToList())
        {
            retired.Model.Dispose();
            _retired.Remove(retired);
        }
    }

    /// <summary>
    /// Serves <paramref name="model"/> for its symbol and interval without the registry (bench/TradingPlatform.Bench.Ai
    /// times ForecastService with no database); the next <see cref="RefreshAsync"/> follows the registry again.
    /// </summary>
    internal void Serve(ServingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var key = (model.Model.Symbol, model.Model.Interval);
        Retire(_serving.GetValueOrDefault(key));
        _serving[key] = model;
    }

    /// <summary>At shutdown, when no request runs any more: every session, serving or retired.</summary>
    public void Dispose()
    {
        foreach (var model in _serving.Values.Concat(_retired.Select(r => r.Model)))
        {
            model.Dispose();
        }

        _serving.Clear();
        _retired.Clear();
        _refresh.Dispose();
    }
}
