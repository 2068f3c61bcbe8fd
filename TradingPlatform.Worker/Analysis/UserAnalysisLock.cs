using Microsoft.EntityFrameworkCore;
using TradingPlatform.Worker.Analytics;

namespace TradingPlatform.Worker.Analysis;

/// <summary>
/// A PostgreSQL session advisory lock per user on the analytics context's connection, held for a whole analysis: two
/// attempts for one user (a manual and a daily one, or a job fetched again while its first attempt still runs) run one
/// after the other. A killed Worker's session ends, and with it the lock, so the attempt that follows proceeds at once.
/// </summary>
internal sealed class UserAnalysisLock : IAsyncDisposable
{
    /// <summary>The lock's class (the first key of the two-key form), so that no other advisory lock collides with it.</summary>
    private const int LockClass = 0x0CF6A1;

    private readonly AnalyticsDbContext _db;
    private readonly int _key;

    private UserAnalysisLock(AnalyticsDbContext db, int key)
    {
        _db = db;
        _key = key;
    }

    public static async Task<UserAnalysisLock> AcquireAsync(AnalyticsDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bytes = userId.ToByteArray();
        var key = BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
        // Opened here, the connection stays open (and the session the lock's) until the context closes it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockClass}, {key})", cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        return new UserAnalysisLock(db, key);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockClass}, {_key})", CancellationToken.None);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
