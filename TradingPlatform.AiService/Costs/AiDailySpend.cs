using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradingPlatform.AiService.Data;

namespace TradingPlatform.AiService.Costs;

/// <summary>
/// Today's (UTC) spend per feature as this replica knows it, for the daily budgets, without a database round trip per
/// call: the sum the database held at the last load (every replica's calls), plus what this replica stored since that
/// load began, plus what it recorded and has not stored yet. The load repeats in the background once it is
/// <see cref="AiCostOptions.SpendRefreshSeconds"/> old, so other replicas' calls count within that delay. A call
/// stored while a load runs may count twice until the next load: the figure errs towards refusing a little early,
/// never towards spending past the budget on this replica's own calls.
/// </summary>
public sealed partial class AiDailySpend(IServiceScopeFactory scopes, IOptionsMonitor<AiCostOptions> options, TimeProvider time, ILogger<AiDailySpend> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(DateOnly Day, string Feature), decimal> _unstored = [];
    private Dictionary<string, decimal> _storedSinceLoad = new(StringComparer.Ordinal);
    private Dictionary<string, decimal>? _loaded;
    private DateOnly _day;
    private DateTimeOffset _loadedAt;
    private Task? _loading;

    /// <summary>What <paramref name="feature"/> has cost today (UTC), all users; the first call of a day waits for the database.</summary>
    /// <exception cref="AiSpendUnavailableException">The database could not say what today's spend is.</exception>
    public async ValueTask<decimal> SpentTodayAsync(string feature, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        Task? first = null;
        lock (_gate)
        {
            if (day != _day)
            {
                _day = day;
                _loaded = null;
                _storedSinceLoad = new(StringComparer.Ordinal);
                foreach (var key in _unstored.Keys.Where(k => k.Day < day).ToList())
                {
                    _unstored.Remove(key);
                }
            }

            if (_loaded is null || now - _loadedAt >= TimeSpan.FromSeconds(options.CurrentValue.SpendRefreshSeconds))
            {
                // On the pool: the load's own locks and its finally never run inside this one.
                _loading ??= Task.Run(() => LoadAsync(day), CancellationToken.None);
                if (_loaded is null)
                {
                    first = _loading;
                }
            }
        }

        if (first is not null)
        {
            await first.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            if (_loaded is null || _day != day)
            {
                throw new AiSpendUnavailableException();
            }

            return _loaded.GetValueOrDefault(feature) + _storedSinceLoad.GetValueOrDefault(feature) + _unstored.GetValueOrDefault((day, feature));
        }
    }

    internal void Queued(AiCallRecord record)
    {
        lock (_gate)
        {
            _unstored[(record.RecordedOn, record.Feature)] = _unstored.GetValueOrDefault((record.RecordedOn, record.Feature)) + record.CostUsd;
        }
    }

    internal void Stored(IReadOnlyList<AiCallRecord> records)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                Unqueue(record);
                if (record.RecordedOn == _day)
                {
                    _storedSinceLoad[record.Feature] = _storedSinceLoad.GetValueOrDefault(record.Feature) + record.CostUsd;
                }
            }
        }
    }

    internal void Dropped(AiCallRecord record)
    {
        lock (_gate)
        {
            Unqueue(record);
        }
    }

    private void Unqueue(AiCallRecord record)
    {
        var key = (record.RecordedOn, record.Feature);
        if (_unstored.TryGetValue(key, out var amount))
        {
            _unstored[key] = amount - record.CostUsd;
        }
    }

    private async Task LoadAsync(DateOnly day)
    {
        // Taken before the query starts: whatever this replica stores from here on is either in the sum or counted apart.
        Dictionary<string, decimal> before;
        lock (_gate)
        {
            before = _storedSinceLoad;
            _storedSinceLoad = new(StringComparer.Ordinal);
        }

        try
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = start.AddDays(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            var sums = await db.AiCallRecords.AsNoTracking().Where(r => r.RecordedAt >= start && r.RecordedAt < end)
                .GroupBy(r => r.Feature).Select(g => new { Feature = g.Key, Cost = g.Sum(r => r.CostUsd) })
                .ToDictionaryAsync(g => g.Feature, g => g.Cost, StringComparer.Ordinal, CancellationToken.None);
            lock (_gate)
            {
                if (_day == day)
                {
                    _loaded = sums;
                    _loadedAt = time.GetUtcNow();
                }
            }
        }
#pragma warning disable CA1031 // A failed load keeps the last figures (or, on a day's first call, refuses it as unknown); it is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                foreach (var (feature, cost) in before)
                {
                    _storedSinceLoad[feature] = _storedSinceLoad.GetValueOrDefault(feature) + cost;
                }
            }

            LogLoadFailed(logger, exception);
        }
        finally
        {
            lock (_gate)
            {
                _loading = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Today's AI spend could not be read from the database; the budgets use the last figures.")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
