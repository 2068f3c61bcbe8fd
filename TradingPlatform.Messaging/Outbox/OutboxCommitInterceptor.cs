using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TradingPlatform.Messaging.Outbox;

/// <summary>
/// Notifies the <see cref="OutboxSignal"/> when a transaction of a context with an outbox commits (or when SaveChanges
/// commits its own implicit one). Stateless, so pooled contexts can share one instance; the signal is resolved from
/// the application's services through the context.
/// </summary>
public sealed class OutboxCommitInterceptor : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public static readonly OutboxCommitInterceptor Instance = new();

    private OutboxCommitInterceptor()
    {
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Notify(eventData?.Context);

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyOutsideTransaction(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyOutsideTransaction(eventData?.Context);
        return result;
    }

    private static void NotifyOutsideTransaction(DbContext? context)
    {
        // Inside an explicit transaction the rows are invisible to the relay until the commit, which notifies then.
        if (context?.Database.CurrentTransaction is null)
        {
            Notify(context);
        }
    }

    private static void Notify(DbContext? context)
    {
        if (context?.Model.FindEntityType(typeof(OutboxMessage)) is not null)
        {
            var services = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
            (services?.GetService(typeof(OutboxSignal)) as OutboxSignal)?.Notify();
        }
    }
}
