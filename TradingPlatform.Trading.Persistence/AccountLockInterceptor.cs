using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TradingPlatform.Trading.Persistence;

/// <summary>
/// Lets an account change lock the account row and load its book in one round trip. A query tagged with
/// <see cref="Tag"/> (its one Guid parameter being the account's id) is sent as two statements in one command:
/// <c>SELECT … FOR UPDATE</c> of the account row, then the query itself; the reader is moved past the lock's result
/// before EF reads it. Two statements and not one: under READ COMMITTED each statement reads the snapshot taken when
/// it starts, so a load joined to a lock that had to wait would miss what the change it waited for committed; the
/// second statement starts only once the first holds the lock, and sees it. EF has no way to send a locking
/// statement in the same command as a LINQ query, hence this interceptor.
/// </summary>
public sealed class AccountLockInterceptor : DbCommandInterceptor
{
    /// <summary>The query tag that asks for the lock.</summary>
    public const string Tag = "account book: lock the account row first";

    private const string LockMarker = "SELECT 1 FROM trading.accounts WHERE \"Id\" = ";

    public static AccountLockInterceptor Instance { get; } = new();

    private AccountLockInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        PrependLock(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        PrependLock(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (IsLocking(command))
        {
            result.NextResult();
        }

        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (IsLocking(command))
        {
            await result.NextResultAsync(cancellationToken);
        }

        return result;
    }

    private static void PrependLock(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // EF writes a query's tags as leading "-- " comment lines.
        if (!command.CommandText.StartsWith("-- " + Tag, StringComparison.Ordinal))
        {
            return;
        }

        var ids = command.Parameters.Cast<DbParameter>().Where(p => p.Value is Guid).ToList();
        if (ids.Count != 1)
        {
            throw new InvalidOperationException($"A query tagged '{Tag}' must have exactly one Guid parameter (the account id); it has {ids.Count}.");
        }

        var name = ids[0].ParameterName.StartsWith('@') ? ids[0].ParameterName : "@" + ids[0].ParameterName;
        command.CommandText = $"{LockMarker}{name} FOR UPDATE;\n{command.CommandText}";
    }

    private static bool IsLocking(DbCommand command) => command.CommandText.StartsWith(LockMarker, StringComparison.Ordinal);
}
