using Microsoft.EntityFrameworkCore;

namespace TradingPlatform.Messaging;

/// <summary>Schema-qualified, quoted table names of a context's messaging tables, for the few raw SQL statements.</summary>
internal static class MessagingTables
{
    public static string QuotedName<TEntity>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no {typeof(TEntity).Name} table; call modelBuilder.AddOutbox/AddInbox.");
        var table = $"\"{entity.GetTableName()}\"";
        return entity.GetSchema() is { } schema ? $"\"{schema}\".{table}" : table;
    }

    /// <summary>A stable 64-bit key for a PostgreSQL advisory lock named by <paramref name="name"/> (FNV-1a; string hashes are randomised per process).</summary>
    public static long LockKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
