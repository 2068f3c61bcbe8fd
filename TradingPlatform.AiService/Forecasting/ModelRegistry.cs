using Microsoft.EntityFrameworkCore;
using TradingPlatform.AiService.Data;
using TradingPlatform.Messaging.Contracts;
using TradingPlatform.Messaging.Outbox;

namespace TradingPlatform.AiService.Forecasting;

/// <summary>
/// Stores models and swaps the serving one. Versions count up per name; activating a model deactivates the one that
/// served its symbol and interval in the same transaction (a partial unique index allows one active model per pair),
/// so there is never a moment with two or, once one has served, none. An activation writes
/// <see cref="ModelActivatedIntegrationEvent"/> to the outbox in that transaction: replicas hear of it at once.
/// </summary>
internal sealed class ModelRegistry(AiDbContext db, IOutbox outbox, TimeProvider time)
{
    public static string NameFor(string symbol, string interval) => $"nbeats-{symbol}-{interval}";

    public async Task<int> NextVersionAsync(string name, CancellationToken cancellationToken) =>
        (await db.ForecastModels.Where(m => m.Name == name).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;

    /// <summary>Stores <paramref name="model"/>, and activates it when <paramref name="activate"/>.</summary>
    public async Task StoreAsync(ForecastModel model, bool activate, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (activate)
            {
                await DeactivateAsync(model.Symbol, model.Interval, token);
                Activate(model);
            }

            db.ForecastModels.Add(model);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    /// <summary>Makes a stored model the serving one of its symbol and interval; false when there is no such model.</summary>
    public async Task<bool> ActivateAsync(Guid modelId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var model = await db.ForecastModels.SingleOrDefaultAsync(m => m.Id == modelId, token);
            if (model is null)
            {
                return false;
            }

            if (!model.IsActive)
            {
                await DeactivateAsync(model.Symbol, model.Interval, token);
                Activate(model);
                await db.SaveChangesAsync(token);
            }

            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
    }

    private void Activate(ForecastModel model)
    {
        model.IsActive = true;
        model.ActivatedAt = time.GetUtcNow();
        outbox.Add(new ModelActivatedIntegrationEvent(model.Id, model.Name, model.Version, model.Symbol, model.Interval, model.Decision,
            model.ActivatedAt.Value) { OccurredAt = model.ActivatedAt.Value });
    }

    private Task<int> DeactivateAsync(string symbol, string interval, CancellationToken cancellationToken) =>
        db.ForecastModels.Where(m => m.Symbol == symbol && m.Interval == interval && m.IsActive)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.IsActive, false), cancellationToken);
}
