using Microsoft.EntityFrameworkCore;
using System.Runtime.CompilerServices;
using Npgsql;
using TradingPlatform.Api.Infrastructure.Errors;
using TradingPlatform.Api.Infrastructure.Responses;
using TradingPlatform.Trading.Persistence;

namespace TradingPlatform.Api.Analysis;

/// <summary>
/// Reads and updates the Worker's configuration-analysis tables (<c>analytics.config_suggestions</c>,
/// <c>analytics.config_analysis_runs</c>) with plain SQL on the trading context's connection, so that an update joins the
/// transaction of the strategy or account change it goes with. The Worker's model (its migration <c>ConfigSuggestions</c>)
/// is the one definition of the tables; the Api never migrates them. Before the Worker first started, the tables do not
/// exist, and the endpoints answer 503.
/// </summary>
public sealed class ConfigSuggestionsStore(TradingDbContext db)
{
    private const string Columns = """
        "Id", "RunId", "UserId", "Key", "StrategyId", "AccountId", "Setting", "CurrentValue", "ProposedValue", "Reasoning",
        "ExpectedEffect"::text AS "ExpectedEffect", "Confidence", "Status", "Source", "CreatedAt", "AppliedAt"
        """;

    public Task<(IReadOnlyList<ConfigSuggestionRow> Items, long Total)> ListAsync(Guid userId, string status, PageRequest page, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var total = await db.Database.SqlQuery<long>($"""
                SELECT count(*) AS "Value" FROM analytics.config_suggestions WHERE "UserId" = {userId} AND "Status" = {status}
                """).SingleAsync(cancellationToken);
            var items = await db.Database.SqlQuery<ConfigSuggestionRow>(Select("""
                WHERE "UserId" = {0} AND "Status" = {1} ORDER BY "CreatedAt" DESC, "Key" LIMIT {2} OFFSET {3}
                """, userId, status, page.Limit, page.Skip)).ToListAsync(cancellationToken);
            return ((IReadOnlyList<ConfigSuggestionRow>)items, total);
        });

    /// <summary>The user's suggestion; with <paramref name="forUpdate"/> its row stays locked until the caller's transaction ends.</summary>
    public Task<ConfigSuggestionRow?> FindAsync(Guid userId, Guid id, bool forUpdate, CancellationToken cancellationToken) =>
        Guard(async () => (await db.Database.SqlQuery<ConfigSuggestionRow>(
            Select(forUpdate ? "WHERE \"Id\" = {0} AND \"UserId\" = {1} FOR UPDATE" : "WHERE \"Id\" = {0} AND \"UserId\" = {1}", id, userId))
            .ToListAsync(cancellationToken)).SingleOrDefault());

    /// <summary>Moves an active suggestion to <paramref name="status"/>; false when it was no longer active.</summary>
    public Task<bool> CloseAsync(Guid userId, Guid id, string status, DateTimeOffset? appliedAt, CancellationToken cancellationToken) =>
        Guard(async () => await db.Database.ExecuteSqlAsync($"""
            UPDATE analytics.config_suggestions SET "Status" = {status}, "AppliedAt" = {appliedAt}
            WHERE "Id" = {id} AND "UserId" = {userId} AND "Status" = 'active'
            """, cancellationToken) == 1);

    public Task<(IReadOnlyList<AnalysisRunRow> Items, long Total)> HistoryAsync(Guid userId, PageRequest page, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var total = await db.Database.SqlQuery<long>($"""
                SELECT count(*) AS "Value" FROM analytics.config_analysis_runs WHERE "UserId" = {userId}
                """).SingleAsync(cancellationToken);
            var items = await db.Database.SqlQuery<AnalysisRunRow>($"""
                SELECT "Id", "UserId", "Trigger", "StartedAt", "FinishedAt", "Status", "Source", "Model", "Figures"::text AS "Figures",
                       "SuggestionCount", "Error"
                FROM analytics.config_analysis_runs WHERE "UserId" = {userId}
                ORDER BY "StartedAt" DESC, "Id" DESC LIMIT {page.Limit} OFFSET {page.Skip}
                """).ToListAsync(cancellationToken);
            return ((IReadOnlyList<AnalysisRunRow>)items, total);
        });

    /// <summary>The columns and <paramref name="rest"/>, whose <c>{n}</c> placeholders become parameters.</summary>
    private static FormattableString Select(string rest, params object[] arguments) =>
        FormattableStringFactory.Create($"SELECT {Columns} FROM analytics.config_suggestions {rest}", arguments);

    /// <summary>The tables are the Worker's: until it has created them (its first start), there is nothing to read.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> query)
    {
        try
        {
            return await query();
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable,
                "The configuration analysis store is not ready yet (the Worker creates it when it first starts); retry in a moment.") { RetryAfterSeconds = 5 };
        }
    }
}
